import Foundation
import Logging
import ServiceLifecycle
import Testing
import UnixSignals
@testable import CityWatchSupport
@testable import CityWatchKnowledge
@testable import CityWatchConfig
@testable import CityWatchDaemon

/// The daemon's loops as separate services in its ServiceGroup, and the order they stop in.
@Suite struct DaemonServicesTests {
    static let quiet = Logger(label: "test") { _ in JournalLogHandler(label: "test") { _ in } }

    /// A config with a webhook and a notifier, under a fresh folder.
    static func config() throws -> Config {
        let directory = URL(fileURLWithPath: temporaryFolder())
        let text = """
            [storage]
            state_dir = "state"
            [alerts]
            log = "alerts.jsonl"
            webhook = "http://127.0.0.1:9/hook"
            [[feed]]
            name = "wire"
            url = "http://127.0.0.1:9/rss"
            [[notify]]
            name = "archive"
            type = "webhook"
            url = "http://127.0.0.1:9/archive"
            """
        return try parsedConfig(text, in: directory)
    }

    @Test func eachLoopIsItsOwnServiceStoppedAfterThoseBehindIt() async throws {
        let config = try Self.config()
        let store = try KnowledgeStore(path: config.databasePath)
        let plan = DaemonPlan.make(config: config, store: store, pipeline: .live(keywords: config.keywords),
                                   logger: Self.quiet)
        #expect(plan.webhook != nil && plan.notifiers.count == 1)
        let notify = SdNotify(environment: ["NOTIFY_SOCKET": "/nonexistent/notify", "WATCHDOG_USEC": "2000000"])
        let daemon = Daemon.make(plan: plan, reload: { plan }, logger: Self.quiet, notify: notify, store: store,
                                 heartbeat: SchedulerHeartbeat())
        let configuration = daemon.groupConfiguration(hangups: await UnixSignalsSequence(trapping: []),
                                                      services: [ClosureService {}])
        // Stopped in reverse: the dashboard, the reloader, the scheduler, ..., the status writer last.
        #expect(configuration.services.map(\.serviceName).dropLast()
                == ["status", "webhook", "notifiers", "housekeeping", "heartbeat", "watchdog", "scheduler", "reload"])
        #expect(configuration.services.map(\.successTerminationBehavior.description)
                == ["gracefullyShutdownGroup", "ignore", "ignore", "ignore", "ignore", "gracefullyShutdownGroup",
                    "gracefullyShutdownGroup", "gracefullyShutdownGroup", "gracefullyShutdownGroup"])
        #expect(configuration.services.map(\.failureTerminationBehavior.description)
                == configuration.services.map(\.successTerminationBehavior.description))
        #expect(configuration.gracefulShutdownSignals == [.sigterm, .sigint])
        #expect(configuration.maximumGracefulShutdownDuration == .seconds(10))

        // Without a store (no webhook, no housekeeping) and without a watchdog, those loops are not there.
        let bare = Daemon.make(plan: plan, reload: { plan }, logger: Self.quiet, notify: SdNotify(environment: [:]),
                               store: nil, heartbeat: SchedulerHeartbeat())
        #expect(bare.services(hangups: await UnixSignalsSequence(trapping: [])).map(\.name)
                == ["status", "notifiers", "heartbeat", "scheduler", "reload"])
    }

    /// What the test's polls and status writes saw.
    struct Probe {
        var slowPollStarted = false
        var slowPollEnded = false
        /// At each status write: had the slow poll ended?
        var writes: [Bool] = []
        var lines: [String] = []
    }

    @Test(.timeLimit(.minutes(1)))
    func gracefulShutdownWritesTheStatusAfterTheSchedulerStopped() async throws {
        let statusFile = URL(fileURLWithPath: temporaryFolder()).appendingPathComponent("feed-status.json")
        let probe = Shared(Probe())
        let plan = DaemonPlan(
            feeds: [ScheduledFeed(id: "quick", url: "file:///quick.xml"), ScheduledFeed(id: "slow", url: "file:///slow.xml")],
            policy: SchedulePolicy(defaultInterval: 3600), limits: ConcurrencyLimits(), statusFile: statusFile
        ) { feed in
            guard feed.id == "slow" else { return .success(items: 3) }
            probe.mutex.withLock { $0.slowPollStarted = true }
            // Until shutdown cancels it, then a teardown that takes a while and ignores the cancellation.
            try? await Task.sleep(for: .seconds(3600))
            await withCheckedContinuation { continuation in
                DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { continuation.resume() }
            }
            probe.mutex.withLock { $0.slowPollEnded = true }
            return .success(items: 100)
        }
        let logger = Logger(label: "test") { _ in
            JournalLogHandler(label: "test") { line in probe.mutex.withLock { $0.lines.append(line) } }
        }
        let daemon = Daemon(plan: plan, reload: { plan }, notify: SdNotify(environment: [:]), logger: logger,
                            statusInterval: .milliseconds(10),
                            flushStore: { probe.mutex.withLock { $0.writes.append($0.slowPollEnded) } })
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: daemon.services(hangups: await UnixSignalsSequence(trapping: [])).map(\.configuration),
            logger: Self.quiet))
        let running = Task { try await group.run() }
        func quickWritten() -> Bool {
            ((try? FeedStatusFile.read(from: statusFile))??.feeds.first { $0.name == "quick" }?.itemsSeen) == 3
        }
        for _ in 0..<500 where !(quickWritten() && probe.mutex.withLock({ $0.slowPollStarted })) {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(probe.mutex.withLock { !$0.slowPollEnded && !$0.writes.isEmpty })

        await group.triggerGracefulShutdown()
        try await running.value
        let seen = probe.mutex.withLock { $0 }
        // The last write came after the scheduler's poll in flight had ended; the cancelled poll is not counted.
        #expect(seen.writes.last == true)
        let records = try #require(try FeedStatusFile.read(from: statusFile)).feeds
        #expect(records.map(\.name) == ["quick", "slow"])
        #expect(records.map(\.itemsSeen) == [3, 0])
        let stopping = try #require(seen.lines.firstIndex { $0.contains("stopping: cancelling polls in flight") })
        #expect(seen.lines[0].contains("running: 2 feeds"))
        #expect(seen.lines.last?.contains("stopped") == true)
        #expect(stopping < seen.lines.count - 1)
    }
}
