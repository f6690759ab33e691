import Foundation
import Testing
@testable import CityWatchFetching
@testable import CityWatchFeeds
@testable import CityWatchKnowledge
@testable import CityWatchConfig
@testable import CityWatchAlerts
@testable import CityWatchDaemon

@Suite struct CycleTests {
    let folder = temporaryFolder()
    let world = FakeWorld()

    func config(feeds: [Config.Feed]) throws -> Config {
        let seeds = folder + "/seeds"
        try FileManager.default.createDirectory(atPath: seeds, withIntermediateDirectories: true)
        try "Seed One\nICE assigned 180 agents to Chicago.\n".write(toFile: seeds + "/001.txt", atomically: true, encoding: .utf8)
        world.factsByTitle.withLock { $0["Seed One"] = madeFacts("Seed One", cities: ["Chicago, IL"], figures: [figure("Chicago, IL", "ICE personnel assigned", 180)]) }
        return Config(file: folder + "/c.toml", stateDir: folder + "/state", seedsDir: seeds, alertLog: folder + "/alerts.jsonl",
                      concurrency: 2, watchedCities: ["Chicago, IL"], feeds: feeds)
    }

    func cycle(_ config: Config, learn: Bool = false, reports: Shared<[String]> = Shared([])) throws -> Cycle {
        Cycle(config: config, store: try KnowledgeStore(path: config.databasePath), pipeline: world.pipeline(), learn: learn,
              logger: Cycle.journal(level: .debug) { line in reports.mutex.withLock { $0.append(line) } }, echo: { _ in })
    }

    func logged(_ config: Config) throws -> [[String: Any]] {
        try AlertLog(path: config.alertLog).readLines().map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test func seedsAreTheBaselineThenFeedsAlertOnlyOnNews() async throws {
        let feedURL = "https://news.example/rss"
        let config = try config(feeds: [Config.Feed(name: "Wire", url: feedURL)])
        world.feeds.withLock { $0[feedURL] = [
            FeedItem(title: "Agents restated", link: "https://news.example/1", id: "1", content: String(repeating: "Full text. ", count: 50)),
            FeedItem(title: "Portland troops", link: "https://news.example/2", id: "2", summary: "Short teaser"),
            FeedItem(title: "Sports", link: "https://news.example/3", id: "3", content: String(repeating: "Ball game. ", count: 50)),
        ] }
        world.pages.withLock { $0["https://news.example/2"] = "Portland troops\nNational Guard troops arrive in Portland." }
        world.factsByTitle.withLock {
            $0["Agents restated"] = madeFacts("Agents restated", cities: ["Chicago, IL"], figures: [figure("Chicago, IL", "ICE agents", 180)])
            $0["Portland troops"] = madeFacts("Portland troops", cities: ["Portland, OR", "Chicago, IL"],
                                          figures: [figure("Portland, OR", "national guard troops", 200), figure("Chicago, IL", "agents", 250)])
            $0["Sports"] = madeFacts("Sports", relevant: false, cities: ["Boston, MA"])
        }
        let report = try await cycle(config).run()
        #expect(report.seedsImported == 1)
        #expect(report.newItems == 3 && report.relevantArticles == 2 && report.alerts == 3)
        let alerts = try logged(config)
        #expect(alerts.map { $0["kind"] as! String } == ["new_city", "new_figure", "changed_figure"])
        #expect(alerts[2]["previous"] as? Int == 180 && alerts[2]["value"] as? Int == 250 && alerts[2]["watched"] as? Bool == true)
        #expect(alerts[1]["city"] as? String == "Portland, OR" && alerts[1]["watched"] as? Bool == false)
        #expect((alerts[0]["article"] as? [String: Any])?["feed"] as? String == "Wire")
        // The teaser-only item's page was fetched; the full-text one was not.
        let urls = world.requests.withLock { $0 }.map(\.url)
        #expect(urls.contains("https://news.example/2") && !urls.contains("https://news.example/1"))

        // The idle cycle: nothing new, no alert, and the conditional GET carries the stored validator.
        let idle = try await cycle(config).run()
        #expect(idle.newItems == 0 && idle.alerts == 0)
        #expect(try logged(config).count == 3)
        #expect(world.requests.withLock { $0 }.last { $0.url == feedURL }?.etag == "\"v1\"")
    }

    @Test func anItemsHTMLContentKeepsItsHeadingsAndTables() async throws {
        let config = try config(feeds: [])
        let content = """
            <h1>ICE Extends Operations to Portland</h1>
            <p>\(String(repeating: "ICE has begun operations in Portland, Oregon. ", count: 10))</p>
            <h2>Personnel assigned</h2>
            <table><thead><tr><th>City</th><th>ICE Personnel Assigned</th></tr></thead>
            <tbody><tr><td>Portland</td><td>120</td></tr></tbody></table>
            """
        let item = FeedItem(title: "ICE Extends Operations to Portland", link: "https://news.example/p", id: "p", content: content)
        let feed = Config.Feed(name: "Wire", url: "https://news.example/rss")
        var budget = PollBudget(limits: CycleLimits(), maxBytes: config.maxBytes)
        let doc = await try cycle(config).document(for: item, feed: feed, access: .links(of: feed.url, allowPrivateNetworks: false),
                                                   budget: &budget).document
        #expect(doc.blocks.contains(.heading("Personnel assigned")))
        #expect(doc.blocks.contains { if case .table(let t) = $0 { return t.rows == [["Portland", "120"]] }; return false })
        #expect(world.requests.withLock { $0 }.isEmpty)   // full text: no page fetched
        #expect(Cycle.isWholePage("<html><body><p>x</p></body></html>") && !Cycle.isWholePage(content))
    }

    @Test func aFailingFeedIsReportedAndTheOthersGoOn() async throws {
        let good = "https://good.example/rss", bad = "https://bad.example/rss", junk = "https://junk.example/rss"
        let config = try config(feeds: [Config.Feed(name: "Bad", url: bad), Config.Feed(name: "Junk", url: junk),
                                        Config.Feed(name: "Good", url: good)])
        world.failing.withLock { $0[bad] = FetchError(kind: .httpStatus, message: "http 429", status: 429, retryAfter: 3600) }
        world.pages.withLock { $0[junk] = "this is not a feed" }
        world.feeds.withLock { $0[good] = [FeedItem(title: "Denver", link: "https://good.example/1", content: String(repeating: "x ", count: 300))] }
        world.factsByTitle.withLock { $0["Denver"] = madeFacts("Denver", cities: ["Denver, CO"]) }
        let reports = Shared<[String]>([])
        let started = Date()
        let result = try await cycle(config, reports: reports).run()
        #expect(Date().timeIntervalSince(started) < 60)   // Retry-After (an hour) recorded, never waited out; loose for loaded machines
        #expect(result.failedFeeds.count == 2 && result.alerts == 1)
        #expect(reports.mutex.withLock { $0 }.filter { $0.hasPrefix("<3>") }.count == 2)
        let store = try KnowledgeStore(path: config.databasePath)
        #expect(try store.feedState("Bad")?.retryAfter != nil)
        #expect(try store.feedState("Bad")?.consecutiveFailures == 1)
        #expect(try store.feedState("Good")?.lastSuccess != nil)
    }

    @Test func learnRecordsABacklogWithoutAlerts() async throws {
        let url = "https://news.example/rss"
        let config = try config(feeds: [Config.Feed(name: "Wire", url: url)])
        world.feeds.withLock { $0[url] = [FeedItem(title: "Miami", link: "https://news.example/m", content: String(repeating: "y ", count: 300))] }
        world.factsByTitle.withLock { $0["Miami"] = madeFacts("Miami", cities: ["Miami, FL"]) }
        let learned = try await cycle(config, learn: true).run()
        #expect(learned.alerts == 0 && learned.newItems == 1)
        #expect(try logged(config).isEmpty)
        #expect(try KnowledgeStore(path: config.databasePath).cities().map(\.city).contains("Miami, FL"))
    }

    @Test func anInterruptedCycleRerunGivesEveryAlertExactlyOnce() async throws {
        let url = "https://news.example/rss"
        let config = try config(feeds: [Config.Feed(name: "Wire", url: url)])
        world.feeds.withLock { $0[url] = (1...5).map { i in
            FeedItem(title: "City \(i)", link: "https://news.example/\(i)", id: "\(i)", content: String(repeating: "z ", count: 300)) } }
        world.factsByTitle.withLock { map in
            for i in 1...5 { map["City \(i)"] = madeFacts("City \(i)", cities: ["Town\(i), TX"], figures: [figure("Town\(i), TX", "arrests", Double(i))]) }
        }
        let store = try KnowledgeStore(path: config.databasePath)
        // Simulate the crash: commit three articles' knowledge without delivering, then tear the log.
        let first = try cycle(config)
        _ = try first.importSeedsIfNeeded()
        for i in 1...3 {
            _ = try store.ingest(ArticleRecord(url: "https://news.example/\(i)", feed: "Wire", title: "City \(i)", published: nil,
                                               contentHash: "h\(i)", seenKeys: ["id:\(i)"]),
                                 facts: world.factsByTitle.withLock { $0["City \(i)"] }!, policy: first.policy)
        }
        let pending = try store.pendingLogAlerts()
        try AlertLog(path: config.alertLog).withLock { fd in try AlertLog.append(fd: fd, lines: [pending[0].line]) }
        let handle = try #require(FileHandle(forWritingAtPath: config.alertLog))
        handle.seekToEndOfFile(); handle.write(Data(pending[1].line.prefix(20).utf8)); try handle.close()

        let report = try await cycle(config).run()
        #expect(report.newItems == 2)
        let ids = try logged(config).map { $0["id"] as! String }
        #expect(ids.count == 10)
        #expect(Set(ids).count == 10)
        _ = try await cycle(config).run()
        #expect(try logged(config).count == 10)
    }

    @Test func helpersForLinksOrderAndCaching() {
        #expect(Cycle.absolute("articles/a.html", base: "file:///srv/demo/feed.xml") == "file:///srv/demo/articles/a.html")
        #expect(Cycle.absolute("/x", base: "https://news.example/rss/feed.xml") == "https://news.example/x")
        #expect(Cycle.absolute("https://other.example/a", base: "https://news.example/rss") == "https://other.example/a")
        #expect(FeedOutcome.maxAge("public, max-age=600") == 600)
        #expect(FeedOutcome.maxAge("no-cache") == nil)
        let items = [FeedItem(title: "new", published: "2026-11-19T00:00:00Z"), FeedItem(title: "old", published: "2026-11-17T00:00:00Z"),
                     FeedItem(title: "older", published: "2026-11-16T00:00:00Z")]
        #expect(Cycle.chronological(items).map(\.title) == ["older", "old", "new"])
        #expect(Cycle.chronological([FeedItem(title: "top"), FeedItem(title: "bottom")]).map(\.title) == ["bottom", "top"])
    }
}
