import Foundation
import Synchronization
import GRDB
import Testing
@testable import CityWatchSupport
@testable import CityWatchFetching
@testable import CityWatchFeeds
@testable import CityWatchDocuments
@testable import CityWatchExtraction
@testable import CityWatchKnowledge
@testable import CityWatchConfig
@testable import CityWatchAlerts
@testable import CityWatchDaemon
import CityWatchTestSupport

/// A feed as an attacker would write it, served from loopback by the test: each case asserts the refusal or the
/// bound, not merely that nothing crashed. Refused addresses are only ever loopback forms (a refusal that broke
/// must not send traffic off the machine); the other private ranges are checked on the classifier alone.
@Suite struct HostileFeedTests {
    let folder = temporaryFolder()

    /// A server that must never be reached from a link: it counts what reaches it and answers a secret.
    static func secretServer() throws -> TestHTTPServer {
        try TestHTTPServer { _, connection in
            connection.respond(200, [("Content-Type", "text/html")], text: "<html><body><p>SECRET-BODY ICE arrested 999 people in Chicago.</p></body></html>")
        }
    }

    static func rss(_ items: [(title: String, link: String)], extra: String = "") -> String {
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Hostile</title>\(extra)"
        for (i, item) in items.enumerated() {
            xml += "<item><title>\(item.title)</title><link>\(item.link)</link><guid>item-\(i)</guid><description>ICE teaser</description></item>"
        }
        return xml + "</channel></rss>"
    }

    func config(feedURL: String, allowPrivate: Bool = false) -> Config {
        Config(file: folder + "/c.toml", stateDir: folder + "/state", alertLog: folder + "/alerts.jsonl",
               allowPrivateNetworks: allowPrivate, keywords: ["ICE"], feeds: [Config.Feed(name: "hostile", url: feedURL)])
    }

    /// Runs one cycle over the config; returns the journal lines and the alert log's text.
    func runOnce(_ config: Config, limits: CycleLimits = CycleLimits()) async throws -> (journal: [String], log: String) {
        let lines = Shared<[String]>([])
        var cycle = Cycle(config: config, store: try KnowledgeStore(path: config.databasePath),
                          pipeline: .live(keywords: config.keywords),
                          logger: Cycle.journal(level: .debug) { line in lines.mutex.withLock { $0.append(line) } }, echo: { line in lines.mutex.withLock { $0.append(line) } })
        cycle.limits = limits
        _ = try await cycle.run()
        let log = (try? String(contentsOfFile: config.alertLog, encoding: .utf8)) ?? ""
        return (lines.mutex.withLock { $0 }, log)
    }

    @Test(arguments: ["127.0.0.1", "127.1", "2130706433", "0x7f000001", "[::ffff:127.0.0.1]", "localhost",
                      "user@127.0.0.1", "0.0.0.0", "[::1]", "127.0.0.2"])
    func itemLinksToLoopbackFormsAreRefusedAtConnectTime(host: String) async throws {
        let secret = try Self.secretServer()
        defer { secret.stop() }
        let link = "http://\(host):\(secret.port)/page"
        let feedServer = try TestHTTPServer { _, connection in
            connection.respond(200, [("Content-Type", "application/rss+xml")], text: Self.rss([("ICE story", link)]))
        }
        defer { feedServer.stop() }
        let (journal, log) = try await runOnce(config(feedURL: feedServer.base + "/rss"))
        #expect(secret.requests.isEmpty, "the private server was reached through \(link)")
        #expect(!log.contains("SECRET-BODY") && !log.contains("999"))
        let refusal = journal.first { $0.contains("could not be read") && $0.contains("refused") }
        #expect(refusal != nil, "no refusal line for \(link): \(journal)")
        // The message names the address actually refused ([::1] is not reported as 127.0.0.1).
        if host == "[::1]" { #expect(refusal?.contains("::1 is a loopback address") == true) }
        if host == "127.0.0.2" { #expect(refusal?.contains("127.0.0.2 is a loopback address") == true) }
    }

    @Test func aRedirectOffTheFeedsOriginToLoopbackIsRefused() async throws {
        let secret = try Self.secretServer()
        defer { secret.stop() }
        let target = "http://127.0.0.1:\(secret.port)/latest/meta-data/"
        let feedServer = try TestHTTPServer { request, connection in
            if request.path == "/rss" {
                connection.respond(200, [("Content-Type", "application/rss+xml")],
                                   text: Self.rss([("ICE story", "http://127.0.0.1:\(0)/x")].map { _ in ("ICE story", "/story") }))
            } else {
                connection.respond(302, [("Location", target)])
            }
        }
        defer { feedServer.stop() }
        let (journal, log) = try await runOnce(config(feedURL: feedServer.base + "/rss"))
        // The link on the feed's own origin was fetched (a config URL's origin is trusted) ...
        #expect(feedServer.requests.contains { $0.path == "/story" })
        // ... its redirect to another loopback origin was not.
        #expect(secret.requests.isEmpty)
        #expect(!log.contains("SECRET-BODY"))
        #expect(journal.contains { $0.contains("refused \(target)") && $0.contains("redirected from") })
    }

    @Test func theFeedItselfMayNotRedirectToAnotherPrivateOrigin() async throws {
        let secret = try Self.secretServer()
        defer { secret.stop() }
        let feedServer = try TestHTTPServer { _, connection in
            connection.respond(301, [("Location", "http://localhost:\(secret.port)/rss")])
        }
        defer { feedServer.stop() }
        let (journal, _) = try await runOnce(config(feedURL: feedServer.base + "/rss"))
        #expect(secret.requests.isEmpty)
        #expect(journal.contains { $0.hasPrefix("<3>") && $0.contains("refused") && $0.contains("loopback address") })
    }

    @Test func allowPrivateNetworksOptsIn() async throws {
        let secret = try Self.secretServer()
        defer { secret.stop() }
        let feedServer = try TestHTTPServer { _, connection in
            connection.respond(200, [("Content-Type", "application/rss+xml")],
                               text: Self.rss([("ICE story", "http://localhost:\(secret.port)/page")]))
        }
        defer { feedServer.stop() }
        _ = try await runOnce(config(feedURL: feedServer.base + "/rss", allowPrivate: true))
        #expect(secret.requests.count == 1)
    }

    @Test(arguments: ["file:///etc/hostname", "FILE:///etc/hostname", "file://localhost/etc/hostname"])
    func fileLinksInAnHTTPFeedAreNeverRead(link: String) async throws {
        let feedServer = try TestHTTPServer { _, connection in
            connection.respond(200, [("Content-Type", "application/rss+xml")], text: Self.rss([("ICE story", link)]))
        }
        defer { feedServer.stop() }
        let (journal, _) = try await runOnce(config(feedURL: feedServer.base + "/rss"))
        #expect(journal.contains { $0.contains("refused") && $0.contains("file: URLs are read only for feeds named in the config") })
    }

    @Test func aFileFeedsLinksStayInsideItsFolder() async throws {
        let feeds = folder + "/feeds"
        try FileManager.default.createDirectory(atPath: feeds, withIntermediateDirectories: true)
        try "<p>Inside: ICE arrested 120 people in Denver, Colorado.</p>".write(toFile: feeds + "/inside.html", atomically: true, encoding: .utf8)
        try "<p>OUTSIDE-SECRET ICE arrested 777 people in Houston, Texas.</p>".write(toFile: folder + "/outside.html", atomically: true, encoding: .utf8)
        try "<p>OUTSIDE-SECRET 2</p>".write(toFile: folder + "/outside2.html", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: feeds + "/link.html", withDestinationPath: folder + "/outside.html")
        try Self.rss([("ICE inside", "inside.html"), ("ICE dotdot", "../outside.html"), ("ICE symlink", "link.html"),
                      ("ICE absolute", "file://" + folder + "/outside2.html")])
            .write(toFile: feeds + "/feed.xml", atomically: true, encoding: .utf8)
        let (journal, log) = try await runOnce(config(feedURL: "file://" + feeds + "/feed.xml"))
        #expect(log.contains("120") && !log.contains("OUTSIDE-SECRET") && !log.contains("777"))
        #expect(journal.filter { $0.contains("is outside the feed's folder") }.count == 3, "\(journal)")
    }

    @Test func controlCharactersNeverReachTheJournalRaw() async throws {
        let title = "ICE in Chicago\n<3>citywatch: forged error\r\u{1B}]0;owned\u{07}\u{1B}[2J\u{202E}txet\u{2028}end\u{0}"
        let feedServer = try TestHTTPServer { _, connection in
            let xml = Self.rss([(title.replacingOccurrences(of: "\u{0}", with: "&#0;"), "/a")])
            connection.respond(200, [("Content-Type", "application/rss+xml")],
                               text: xml.replacingOccurrences(of: "<description>ICE teaser</description>",
                                                               with: "<description>ICE agents arrested 45 people in Chicago, Illinois.</description>"))
        }
        defer { feedServer.stop() }
        let (journal, log) = try await runOnce(config(feedURL: feedServer.base + "/rss"))
        #expect(!journal.isEmpty)
        for line in journal {
            let written = TerminalText.line(line)
            #expect(written.dropLast().unicodeScalars.allSatisfy { !TerminalText.needsEscape($0) })
            #expect(written.hasSuffix("\n") && written.filter { $0 == "\n" }.count == 1)
        }
        // The log stays exact JSON: the title comes back as it was sent (the parser's own normalisation aside).
        for line in log.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["kind"] != nil)
        }
    }

    @Test func escapingCoversEveryControlAndBidiCharacter() {
        #expect(TerminalText.escape("a\nb\r\tc\u{1B}[31m\u{7F}\u{85}\u{9B}") == "a\\nb\\r\\tc\\x1B[31m\\x7F\\x85\\x9B")
        #expect(TerminalText.escape("\u{202E}\u{2066}\u{200F}\u{061C}\u{2028}\u{2029}") == "\\u{202E}\\u{2066}\\u{200F}\\u{61C}\\u{2028}\\u{2029}")
        #expect(TerminalText.escape("Zoë — “quoted” 中文") == "Zoë — “quoted” 中文")
        #expect(TerminalText.line("<4>alert\n<3>forged\n") == "<4>alert\\n<3>forged\n")
    }

    @Test func onePageNamingThousandsOfCitiesRaisesABoundedNumberOfAlerts() async throws {
        let names = Gazetteer.shared.places.filter { $0.kind == "city" }.prefix(2_800).map(\.display)
        let page = "<html><body><p>ICE operations: " + names.map { "ICE raids in " + $0 + "." }.joined(separator: " ") + "</p></body></html>"
        let feedServer = try TestHTTPServer { request, connection in
            if request.path == "/rss" {
                connection.respond(200, [("Content-Type", "application/rss+xml")], text: Self.rss([("ICE everywhere", "/page")]))
            } else {
                connection.respond(200, [("Content-Type", "text/html")], text: page)
            }
        }
        defer { feedServer.stop() }
        let config = config(feedURL: feedServer.base + "/rss")
        let (journal, log) = try await runOnce(config)
        let alerts = log.split(separator: "\n")
        #expect(alerts.count <= CycleLimits().alertsPerArticle)
        #expect(journal.contains { $0.contains("more alerts held back") })
        // The next poll raises nothing more: the held-back facts are known.
        let again = try await runOnce(config)
        #expect(again.log.split(separator: "\n").count == alerts.count)
        for line in alerts {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect((object["evidence"] as? String ?? "").count <= TextLimit.evidence)
        }
    }

    @Test func aFeedOfManyItemsIsReadUpToThePerPollLimit() async throws {
        let items = (0..<300).map { ("ICE item \($0)", "/item/\($0)") }
        let feedServer = try TestHTTPServer { request, connection in
            connection.respond(200, [("Content-Type", "application/rss+xml")], text: Self.rss(items))
        }
        defer { feedServer.stop() }
        var config = config(feedURL: feedServer.base + "/rss")
        config.feeds[0].fetchArticles = false
        let store = try KnowledgeStore(path: config.databasePath)
        let lines = Shared<[String]>([])
        var cycle = Cycle(config: config, store: store, pipeline: .live(keywords: config.keywords),
                          logger: Cycle.journal(level: .debug) { line in lines.mutex.withLock { $0.append(line) } }, echo: { _ in })
        cycle.limits.itemsPerPoll = 50
        let report = try await cycle.run()
        #expect(report.newItems == 50)
        #expect(lines.mutex.withLock { $0 }.contains { $0.contains("lists 300 items: only the newest 50") })
    }

    @Test func slowLinksCannotHoldAPollPastItsBudget() async throws {
        let feedServer = try TestHTTPServer { request, connection in
            if request.path == "/rss" {
                connection.respond(200, [("Content-Type", "application/rss+xml")],
                                   text: Self.rss((0..<20).map { ("ICE slow \($0)", "/slow/\($0)") }))
            } else {
                // Headers, then one byte every half second: never done within the poll.
                guard connection.head(200, [("Content-Type", "text/html")], contentLength: 100_000) else { return }
                for _ in 0..<40 { guard connection.send("x") else { return }; Thread.sleep(forTimeInterval: 0.5) }
            }
        }
        defer { feedServer.stop() }
        var limits = CycleLimits()
        limits.pollTime = 3
        let started = ContinuousClock.now
        let (journal, _) = try await runOnce(config(feedURL: feedServer.base + "/rss"), limits: limits)
        let took = ContinuousClock.now - started
        // Without the budget the links would hold the poll for minutes (20 links of 20 s, two at a time); the
        // bound leaves room for a loaded machine running the suite in parallel.
        #expect(took < .seconds(40), "the poll took \(took)")
        #expect(journal.contains { $0.contains("new items left for the next poll") })
        // The per-host limit holds for article pages: never more than two at once on one host.
        #expect(feedServer.requests.filter { $0.path.hasPrefix("/slow/") }.count <= 4)
    }

    @Test func aPoisonItemIsSkippedAfterOneFailedReading() async throws {
        let feedServer = try TestHTTPServer { _, connection in
            connection.respond(200, [("Content-Type", "application/rss+xml")], text: Self.rss([("ICE poison", "/big")]))
        }
        defer { feedServer.stop() }
        var config = config(feedURL: feedServer.base + "/rss")
        config.feeds[0].fetchArticles = false
        let store = try KnowledgeStore(path: config.databasePath)
        // A reading that never finished (the process died): attempts recorded, item not seen.
        let item = FeedItem(title: "ICE poison", link: feedServer.base + "/big", id: "item-0", summary: "ICE teaser")
        let keys = Cycle.seenKeys(item)
        try await store.recordItemAttempt(feed: "hostile", keys: keys, count: CycleLimits().attemptsPerItem)
        let (journal, _) = try await runOnce(config)
        #expect(journal.contains { $0.contains("skipped: the process stopped while reading it before") })
        #expect(try await store.hasSeen(feed: "hostile", keys: keys))
        // An item read to the end leaves no attempt that could skip it later.
        try await store.recordItemAttempt(feed: "hostile", keys: ["hash:other"])
        #expect(try await store.itemAttempts(feed: "hostile", keys: ["hash:other"]) == 1)
    }

    @Test func aLargePageIsMarkedBeforeItIsParsed() async throws {
        let big = "<html><body><p>ICE " + String(repeating: "1 ", count: 600_000) + "</p></body></html>"
        let feedServer = try TestHTTPServer { request, connection in
            if request.path == "/rss" {
                connection.respond(200, [("Content-Type", "application/rss+xml")], text: Self.rss([("ICE big", "/big")]))
            } else {
                connection.respond(200, [("Content-Type", "text/html")], text: big)
            }
        }
        defer { feedServer.stop() }
        let config = config(feedURL: feedServer.base + "/rss")
        let store = try KnowledgeStore(path: config.databasePath)
        let seenWhileParsing = Shared<[Int]>([])
        let item = FeedItem(title: "ICE big", link: feedServer.base + "/big", id: "item-0", summary: "ICE teaser")
        let keys = Cycle.seenKeys(item)
        var pipeline = Pipeline.live(keywords: ["ICE"])
        let parse = pipeline.parsePage
        pipeline.parsePage = { data, url, charset in
            // Had the process died here, the next start would find the item marked and skip it.
            let attempts = try? store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT attempts FROM item_attempts WHERE feed = 'hostile' AND key = ?", arguments: [keys.last!])
            }
            seenWhileParsing.mutex.withLock { $0.append(attempts.flatMap { $0 } ?? -1) }
            return try parse(data, url, charset)
        }
        let cycle = Cycle(config: config, store: store, pipeline: pipeline, logger: Cycle.journal { _ in }, echo: { _ in })
        _ = try await cycle.run()
        #expect(seenWhileParsing.mutex.withLock { $0 } == [CycleLimits().attemptsPerItem])
    }

    @Test func anotherFeedCannotPreRegisterAnOutletsURL() async throws {
        let store = try KnowledgeStore(path: folder + "/k.sqlite")
        let url = "https://trusted.example/story"
        let fake = ArticleRecord(url: url, feed: "hostile", title: "ICE", published: nil, contentHash: "aaaa")
        _ = try store.ingest(fake, facts: madeFacts("ICE"), policy: DiffPolicy())
        let real = ArticleRecord(url: url, feed: "trusted", title: "ICE", published: nil, contentHash: "bbbb")
        let result = try store.ingest(real, facts: madeFacts("ICE", cities: ["Chicago, IL"]), policy: DiffPolicy())
        #expect(!result.duplicate && result.alerts.count == 1)
        // The same content again is a duplicate, whatever the URL.
        let copy = ArticleRecord(url: "https://mirror.example/x", feed: "other", title: "ICE", published: nil, contentHash: "bbbb")
        #expect(try store.ingest(copy, facts: madeFacts("ICE", cities: ["Chicago, IL"]), policy: DiffPolicy()).duplicate)
    }

    @Test func oldArticlesArePrunedAndTheirKnowledgeStays() async throws {
        let store = try KnowledgeStore(path: folder + "/k.sqlite")
        let now = Date()
        let old = now.addingTimeInterval(-200 * 86_400)
        _ = try store.ingest(article("Old relevant"), facts: madeFacts("Old relevant", cities: ["Chicago, IL"]), policy: DiffPolicy(), now: old)
        _ = try store.ingest(article("Recent noise"), facts: madeFacts("Recent noise", relevant: false), policy: DiffPolicy(),
                             now: now.addingTimeInterval(-40 * 86_400))
        _ = try store.ingest(article("Fresh"), facts: madeFacts("Fresh", cities: ["Denver, CO"]), policy: DiffPolicy(), now: now)
        try await store.recordItemAttempt(feed: "wire", keys: ["hash:x"], now: old)
        try store.pruneSeenItems(olderThan: 182 * 86_400, now: now)
        #expect(try store.count(.articles) == 1)
        #expect(try store.count(.itemAttempts) == 0)
        #expect(try store.cities().map(\.city).sorted() == ["Chicago, IL", "Denver, CO"])
    }

    @Test func theDocumentsTextIsCapped() {
        var document = Document(blocks: [.paragraph(String(repeating: "12 34 ", count: 50_000)), .paragraph("after")])
        let cut = document.limitText(to: 10_000)
        #expect(cut > 290_000)
        #expect(document.blocks.count == 1)
        if case .paragraph(let text) = document.blocks[0] { #expect(text.utf8.count <= 10_000 && text.utf8.count > 9_900) }
        var small = Document(blocks: [.paragraph("short")])
        #expect(small.limitText(to: 10_000) == 0 && small.blocks == [.paragraph("short")])
    }

    @Test func aHugeOneLineTextIsCutBeforeItIsParsed() async throws {
        try await BlockingExecutor.shared.run { try Self.cutAHugeOneLineText() }
    }

    static func cutAHugeOneLineText() throws {
        let text = "ICE in Chicago. " + String(repeating: "12345 ", count: 3_000_000)
        var document = try JSONLInput.document(Data(("{\"text\":\"" + text + "\"}").utf8))
        #expect((document.title ?? "").utf8.count <= 2 * Document.textLimit)
        #expect(document.limitText(to: Document.textLimit) > 0)
        #expect((document.title ?? "").utf8.count <= Document.titleLimit)
        let read = try DocumentReader.read(Data(text.utf8), limitText: true)
        #expect((read.title ?? "").utf8.count <= 2 * Document.textLimit)
    }

    @Test func figuresAreDeduplicatedBoundedAndFinite() {
        var facts = madeFacts("x", figures: Array(repeating: figure("Chicago, IL", "arrests", 5), count: 1_000)
                                          + (0..<1_000).map { figure("Chicago, IL", "arrests", Double($0)) }
                                          + [figure(nil, "arrests", .infinity)])
        facts.bound()
        #expect(facts.figures.count == Facts.maxFigures)
        #expect(facts.figures.allSatisfy { $0.value.isFinite })
        #expect(Set(facts.figures.map(\.value)).count == facts.figures.count)
        let digits = String(repeating: "9", count: 400)
        let extracted = Extractor(keywords: ["ICE"]).extract(Document(blocks: [.paragraph("ICE arrested \(digits) people in Chicago, Illinois.")]), numbers: true)
        #expect(extracted.figures.allSatisfy { $0.value.isFinite })
        #expect(extracted.numbers?.allSatisfy { $0.value?.isFinite ?? true } ?? true)
    }

    @Test func theAlertLogIsNeverOpenedThroughASymlink() throws {
        let target = folder + "/precious.txt"
        try "line one\nline two without newline".write(toFile: target, atomically: true, encoding: .utf8)
        let link = folder + "/alerts.jsonl"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(throws: AlertLogError.self) { try AlertLog(path: link).checkWritable() }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "line one\nline two without newline")
        let fresh = folder + "/new.jsonl"
        try AlertLog(path: fresh).checkWritable()
        let mode = (try FileManager.default.attributesOfItem(atPath: fresh)[.posixPermissions] as? Int) ?? 0
        #expect(mode & 0o007 == 0, "the log is readable by others: \(String(mode, radix: 8))")
    }

    @Test(arguments: ["10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                      "127.0.0.1", "0.0.0.0", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "::ffff:10.0.0.1",
                      "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "2002:a00:1::", "224.0.0.1", "255.255.255.255", "ff02::1"])
    func privateAddressesAreNotPublic(address: String) throws {
        let parsed = try #require(NetworkAddress(address))
        #expect(!parsed.isPublic, "\(address) was judged public")
    }

    @Test(arguments: ["8.8.8.8", "93.184.215.14", "172.32.0.1", "192.169.0.1", "100.128.0.1", "2606:4700::1111", "2001:4860:4860::8888"])
    func publicAddressesArePublic(address: String) throws {
        #expect(try #require(NetworkAddress(address)).isPublic)
    }

    @Test func aPlainHTTPWebhookOffLoopbackIsRejected() throws {
        let path = folder + "/c.toml"
        try "[storage]\nstate_dir = \"s\"\n[alerts]\nwebhook = \"http://hooks.example.org/x\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.self) { try Config.load(path: path) }
        try "[storage]\nstate_dir = \"s\"\n[alerts]\nwebhook = \"http://127.0.0.1:9/x\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Config.load(path: path).webhook == "http://127.0.0.1:9/x")
    }
}
