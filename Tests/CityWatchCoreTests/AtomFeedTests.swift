import Foundation
import Testing
@testable import CityWatchCore

@Suite struct AtomFeedTests {
    @Test func rendersAValidFeedThatOurParserReadsBack() throws {
        let alerts = [NotifyBench.alert("Chicago, IL", evidence: "Agents & <officers> said \u{07}\"hi\"\u{1B}."),
                      NotifyBench.alert(nil, kind: .newFigure, value: 4500, evidence: "4,500 cases nationally.")]
        let updated = try #require(KnowledgeTime.date("2026-12-01T12:00:00Z"))
        let xml = AtomFeed.render(alerts: alerts, updated: updated)
        #expect(!xml.contains("\u{07}") && !xml.contains("\u{1B}"))
        #expect(xml.contains("Agents &amp; &lt;officers&gt; said &quot;hi&quot;."))
        #expect(xml.contains("<updated>2026-12-01T12:00:00Z</updated>"))
        #expect(xml.contains("<author><name>citywatch</name></author>"))
        let feed = FeedParser.parse(Data(xml.utf8), input: "alerts.atom")
        #expect(feed.parseOK && feed.format == "atom" && feed.error == nil)
        #expect(feed.items.count == 2)
        #expect(Set(feed.items.map(\.id)) == Set(alerts.map { "urn:citywatch:alert:\($0.id)" }))
        let chicago = try #require(feed.items.first { $0.title?.contains("Chicago") == true })
        #expect(chicago.link == "https://news.example/ChicagoIL/0")
        #expect(chicago.summary == "Agents & <officers> said \"hi\".")
    }

    @Test func deliveryRewritesTheFeedFileAtomically() throws {
        let folder = temporaryFolder()
        let store = try KnowledgeStore(path: folder + "/knowledge.sqlite")
        let log = AlertLog(path: folder + "/alerts.jsonl")
        let atom = AtomFeedFile(path: folder + "/public/alerts.atom", limit: 2)
        let delivery = AlertDelivery(store: store, log: log, atom: atom, echo: { _ in })
        try store.enqueue([NotifyBench.alert("Denver, CO"), NotifyBench.alert("Austin, TX"), NotifyBench.alert("Boise, ID")])
        #expect(try delivery.deliverPending() == 3)
        let text = try String(contentsOfFile: atom.path, encoding: .utf8)
        #expect(text.components(separatedBy: "<entry>").count == 3)   // the newest 2
        #expect(text.contains("Boise, ID") && !text.contains("Denver, CO"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder + "/public")
        #expect(leftovers == ["alerts.atom"])
    }
}
