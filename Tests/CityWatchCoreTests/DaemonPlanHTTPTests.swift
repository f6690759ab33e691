import Foundation
import Logging
import Testing
@testable import CityWatchSupport
@testable import CityWatchKnowledge
@testable import CityWatchConfig
@testable import CityWatchDaemon
import CityWatchTestSupport

/// The daemon's plan over real HTTP: a local server, the real libcurl Fetcher and feed parser, the real cycle,
/// the scheduler on the manual clock and the daemon's own reporting of outages.
@Suite struct DaemonPlanHTTPTests {
    static let feedXML = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>http://127.0.0.1/</link><ttl>5</ttl>
        <item><title>Weather</title><link>http://127.0.0.1/a1.html</link><guid>a1</guid>
        <description>Sunny and mild.</description></item></channel></rss>
        """

    static func config(in directory: URL, url: String, concurrency: Int = 4) throws -> Config {
        let text = """
            [storage]
            state_dir = "state"

            [alerts]
            log = "alerts.jsonl"

            [schedule]
            interval = "10m"
            concurrency = \(concurrency)

            [[feed]]
            name = "wire"
            url = "\(url)"
            fetch_articles = false
            """
        return try parsedConfig(text, in: directory)
    }

    /// 429 + Retry-After, two 500s, then 200 with max-age: the schedule follows Retry-After and the backoff,
    /// the outage is reported once and the recovery once, and no poll waits out anything in real time.
    @Test func retryAfterBackoffAndRecoveryThroughTheRealFetcher() async throws {
        let served = Shared(0)
        let server = try TestHTTPServer { _, connection in
            let number = served.mutex.withLock { count -> Int in
                count += 1
                return count
            }
            switch number {
            case 1: connection.respond(429, [("Retry-After", "3600")], text: "slow down")
            case 2, 3: connection.respond(500, text: "oops")
            default:
                connection.respond(200, [("Content-Type", "application/rss+xml"),
                                         ("Cache-Control", "public, max-age=1800")], text: Self.feedXML)
            }
        }
        defer { server.stop() }
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("cw-plan-http-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try Self.config(in: directory, url: server.base + "/rss.xml")
        let store = try KnowledgeStore(path: config.databasePath)
        let lines = Shared<[String]>([])
        let logger = Logger(label: "test") { _ in
            JournalLogHandler(label: "test", level: .debug) { line in lines.mutex.withLock { $0.append(line) } }
        }
        let plan = DaemonPlan.make(config: config, store: store, pipeline: .live(keywords: config.keywords), logger: logger)
        var policy = plan.policy
        policy.jitter = 0
        let clock = ManualClock()
        let start = clock.now
        let events = PollEvents()
        let totals = Shared<[String: Daemon.FeedTotals]>([:])
        let scheduler = Scheduler(feeds: plan.feeds, policy: policy, limits: plan.limits, clock: clock, poll: plan.poll,
                                  observer: { event in
                                      Daemon.observe(event, totals: totals.mutex, logger: logger)
                                      await events.add(event)
                                  })
        let began = ContinuousClock.now
        let task = Task { await scheduler.run() }
        let pollTimes = try await drivePolls(5, events: events, clock: clock, from: start)
        task.cancel()
        await task.value
        // Nothing waited in real time: the shortest real wait the schedule could hold is the 600 s interval (the bound
        // leaves room for a loaded machine running the suite in parallel beside a build; a real wait would also leave
        // a poll missing, since drivePolls waits at most 60 s for each).
        #expect(ContinuousClock.now - began < .seconds(120))

        let list = await events.list
        #expect(list.count == 5 && served.mutex.withLock { $0 } == 5)
        // Retry-After 3600 beats the first backoff (1200); the 500s back off 2400 and 4800; the success's
        // max-age (1800) is a floor above the 600 s interval (and above the 5 min <ttl>).
        #expect(pollTimes == [0, 3600, 6000, 10800, 12600])
        #expect(list.map(\.outcome.isSuccess) == [false, false, false, true, true])
        #expect(list[0].outcome == .failure(kind: "feed", message: "http 429", retryAfter: 3600))
        #expect(list.last?.schedule.nextPoll == start.addingTimeInterval(12600 + 1800))
        #expect(list.compactMap(\.report) == [.failing(PollFailure(kind: "feed", message: "http 429", retryAfter: 3600)),
                                              .recovered(failures: 3)])
        #expect(list[3].outcome == .success(maxAge: 1800, ttl: 300, items: 1, alerts: 0))

        // The journal: one warning when it starts failing, one notice when it recovers; each failed poll only at debug.
        let journal = lines.mutex.withLock { $0 }
        #expect(journal.filter { $0.contains("is failing") }.count == 1)
        #expect(journal.filter { $0.hasPrefix("<4>") && $0.contains("\"wire\" is failing: http 429") }.count == 1)
        #expect(journal.filter { $0.hasPrefix("<5>") && $0.contains("recovered after 3 failed polls") }.count == 1)
        let perPoll = journal.filter { $0.contains(" failed: http") }
        #expect(perPoll.count == 3 && perPoll.allSatisfy { $0.hasPrefix("<7>") })
        #expect(!journal.contains { $0.hasPrefix("<3>") })
        let state = try #require(try store.feedStates().first)
        #expect(state.consecutiveFailures == 0 && state.lastSuccess != nil)
    }

    /// `run --once` reports every failing poll as an error line, not once per outage.
    @Test func aOneOffCycleReportsEachFailingPoll() async throws {
        let server = try TestHTTPServer { _, connection in connection.respond(500, text: "oops") }
        defer { server.stop() }
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("cw-once-http-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try Self.config(in: directory, url: server.base + "/rss.xml")
        let lines = Shared<[String]>([])
        let cycle = Cycle(config: config, store: try KnowledgeStore(path: config.databasePath),
                          pipeline: .live(keywords: config.keywords), logger: Cycle.journal(level: .debug) { line in lines.mutex.withLock { $0.append(line) } })
        for _ in 0..<2 { _ = try await cycle.run() }
        let failures = lines.mutex.withLock { $0 }.filter { $0.contains("\"wire\"") && $0.contains(" failed: http 500") }
        #expect(failures.count == 2 && failures.allSatisfy { $0.hasPrefix("<3>") })
    }

    /// `[schedule] concurrency` is the global limit of the plan the daemon runs: never more polls at once.
    @Test func concurrencyFromTheConfigIsTheGlobalLimit() async throws {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("cw-limit-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try Self.config(in: directory, url: "http://127.0.0.1:9/rss", concurrency: 3)
        let plan = DaemonPlan.make(config: config, store: try KnowledgeStore(path: config.databasePath),
                                   pipeline: .live(keywords: []), logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        #expect(plan.limits == ConcurrencyLimits(global: 3, perHost: 2))
        // Ten feeds on ten hosts: only the global limit can hold them back.
        let feeds = (0..<10).map { ScheduledFeed(id: "f\($0)", url: "https://host\($0).example/rss") }
        let gauge = Shared((running: 0, most: 0, done: 0))
        let scheduler = Scheduler(feeds: feeds, policy: plan.policy, limits: plan.limits) { _ in
            gauge.mutex.withLock { $0.running += 1; $0.most = max($0.most, $0.running) }
            try? await Task.sleep(for: .milliseconds(20))
            gauge.mutex.withLock { $0.running -= 1; $0.done += 1 }
            return .success()
        }
        let task = Task { await scheduler.run() }
        for _ in 0..<500 where gauge.mutex.withLock({ $0.done }) < 10 {
            try await Task.sleep(for: .milliseconds(10))
        }
        task.cancel()
        await task.value
        #expect(gauge.mutex.withLock { $0.done } == 10)
        #expect(gauge.mutex.withLock { $0.most } == 3)
    }
}
