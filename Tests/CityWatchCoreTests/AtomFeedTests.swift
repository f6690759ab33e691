import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CityWatchKnowledge
@testable import CityWatchAlerts

/// Counts elements and collects the text of <title> while parsing: a well-formedness check.
final class AtomReader: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var titles: [String] = []
    var links: [String] = []
    private var text = ""
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        counts[name, default: 0] += 1
        text = ""
        if name == "link", let href = attributes["href"] { links.append(href) }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title" { titles.append(text) }
    }
}

@Suite struct AtomFeedTests {
    @Test func rendersAWellFormedRFC4287Feed() throws {
        let hostile = DashboardPageTests.alert("new_city", city: "Denver, CO", title: "<script>x</script> & \u{1B}[0m\u{0}",
                                               url: "javascript:alert(1)", evidence: "]]> <b>bold</b>")
        let plain = DashboardPageTests.alert("new_figure", city: "Chicago, IL", time: "2026-11-20T11:30:00Z")
        let feed = AtomFeed(selfURL: "http://127.0.0.1:8787/alerts.atom", alerts: [plain, hostile])
        let xml = feed.render()
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        #expect(xml.contains("<updated>2026-11-20T11:30:00Z</updated>"))   // the newest alert
        #expect(!xml.contains("<script") && !xml.contains("<b>") && !xml.contains("javascript:"))
        let reader = AtomReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(reader.counts["entry"] == 2)
        #expect(reader.counts["id"] == 3 && reader.counts["updated"] == 3)   // the feed's and each entry's
        #expect(reader.counts["author"] == 1)
        #expect(reader.titles.contains("Chicago, IL: arrests 4,500"))
        #expect(reader.links == ["http://127.0.0.1:8787/alerts.atom", "https://example.org/a"])
    }

    @Test func anEmptyFeedIsStillValid() {
        let xml = AtomFeed(alerts: [], emptyUpdated: DashboardPageTests.now).render()
        #expect(xml.contains("<updated>2026-11-20T12:00:00Z</updated>"))
        #expect(!xml.contains("<entry>"))
        #expect(XMLParser(data: Data(xml.utf8)).parse())
    }

    @Test func keepsTheLatestEntriesOnly() {
        let many = (0..<150).map { DashboardPageTests.alert("new_city", city: "Town\($0), TX") }
        #expect(AtomFeed(alerts: many).alerts.count == AtomFeed.entryLimit)
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
