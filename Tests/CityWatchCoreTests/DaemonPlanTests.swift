import Foundation
import Synchronization
import Testing
@testable import CityWatchSupport
@testable import CityWatchFetching
@testable import CityWatchFeeds
@testable import CityWatchExtraction
@testable import CityWatchKnowledge
@testable import CityWatchConfig
@testable import CityWatchDaemon

/// A scripted feed server: each fetch of the feed URL answers with the next scripted response.
private final class ScriptedServer: Sendable {
    enum Answer { case status(Int, retryAfter: TimeInterval?), feed(cacheControl: String?) }
    private let answers: Mutex<[Answer]>
    let requests = Mutex<[String]>([])

    init(_ answers: [Answer]) { self.answers = Mutex(answers) }

    func fetch(_ request: FetchRequest) async throws -> FetchResponse {
        requests.withLock { $0.append(request.url) }
        let answer = answers.withLock { $0.count > 1 ? $0.removeFirst() : $0[0] }
        switch answer {
        case .status(let status, let retryAfter):
            throw FetchError(kind: .httpStatus, message: "http \(status)", status: status, retryAfter: retryAfter)
        case .feed(let cacheControl):
            var headers = ["content-type": "application/rss+xml"]
            headers["cache-control"] = cacheControl
            return FetchResponse(status: 200, finalURL: request.url, headers: headers, body: Data("<rss/>".utf8))
        }
    }
}

@Suite struct DaemonPlanTests {
    static func config(in directory: URL) throws -> Config {
        let text = """
            [storage]
            state_dir = "state"

            [alerts]
            log = "alerts.jsonl"

            [schedule]
            interval = "10m"

            [[feed]]
            name = "wire"
            url = "http://127.0.0.1:9/rss"
            """
        return try Config.parse(text, file: directory.appendingPathComponent("citywatch.toml").path)
    }

    /// 429 + Retry-After, two 500s, then success with max-age: the real cycle's poll through the scheduler.
    @Test func cycleOutcomesDriveTheScheduleOnTheTestClock() async throws {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("cw-plan-\(UUID())")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("state"),
                                                withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try Self.config(in: directory)
        let store = try KnowledgeStore(path: config.databasePath)
        let server = ScriptedServer([.status(429, retryAfter: 3600), .status(500, retryAfter: nil),
                                     .status(500, retryAfter: nil), .feed(cacheControl: "public, max-age=1800")])
        let pipeline = Pipeline(fetch: server.fetch,
                                parseFeed: { _, input, _, _ in ParsedFeed(input: input, parseOK: true, format: "rss") },
                                facts: { Facts(title: $0.title, relevant: false) })
        let plan = DaemonPlan.make(config: config, store: store, pipeline: pipeline,
                                   logger: .init(label: "test") { _ in JournalLogHandler(label: "test") { _ in } })
        var policy = plan.policy
        policy.jitter = 0
        let clock = ManualClock()
        let start = clock.now
        let events = PollEvents()
        let scheduler = Scheduler(feeds: plan.feeds, policy: policy, limits: plan.limits, clock: clock,
                                  poll: plan.poll, observer: { await events.add($0) })
        let task = Task { await scheduler.run() }
        let pollTimes = try await drivePolls(5, events: events, clock: clock, from: start)
        task.cancel()
        await task.value
        let list = await events.list
        // Retry-After 3600 wins over the first backoff (1200); 500s back off 2400, 4800; then success, whose
        // max-age (1800) is a floor above the 600 s interval.
        #expect(pollTimes == [0, 3600, 6000, 10800, 12600])
        #expect(list.map(\.outcome.isSuccess) == [false, false, false, true, true])
        #expect(list[0].outcome == .failure(kind: "feed", message: "http 429", retryAfter: 3600))
        #expect(list.last?.schedule.nextPoll == start.addingTimeInterval(12600 + 1800))
        let reports = list.compactMap(\.report)
        #expect(reports.count == 2)
        #expect(reports.last == .recovered(failures: 3))
        // The store agrees: the feed is healthy again.
        let state = try #require(try store.feedStates().first)
        #expect(state.consecutiveFailures == 0 && state.lastSuccess != nil)
    }
}
