import Foundation
import Synchronization
import Testing
@testable import CityWatchSupport
@testable import CityWatchDaemon

/// Counts polls running at once, in total and per host.
private actor Gauge {
    var running = 0
    var maxRunning = 0
    var perHost: [String: Int] = [:]
    var maxPerHost: [String: Int] = [:]
    var polled: [String] = []

    func start(_ feed: ScheduledFeed) {
        running += 1
        maxRunning = max(maxRunning, running)
        perHost[feed.hostKey, default: 0] += 1
        maxPerHost[feed.hostKey] = max(maxPerHost[feed.hostKey] ?? 0, perHost[feed.hostKey]!)
    }

    func end(_ feed: ScheduledFeed) {
        running -= 1
        perHost[feed.hostKey, default: 0] -= 1
        polled.append(feed.id)
    }
}

/// Collects what the scheduler reports.
private actor Recorder {
    var events: [Scheduler.PollEvent] = []
    var pollTimes: [Date] = []
    func add(_ event: Scheduler.PollEvent) { events.append(event) }
    func polled(at time: Date) { pollTimes.append(time) }
}

@Suite struct SchedulerTests {
    @Test func respectsGlobalAndPerHostLimits() async throws {
        let feeds = (0..<12).map { ScheduledFeed(id: "f\($0)", url: "https://host\($0 % 3).example/feed\($0)") }
        let gauge = Gauge()
        let scheduler = Scheduler(feeds: feeds, policy: SchedulePolicy(defaultInterval: 3600),
                                  limits: ConcurrencyLimits(global: 4, perHost: 2)) { feed in
            await gauge.start(feed)
            try? await Task.sleep(for: .milliseconds(40))
            await gauge.end(feed)
            return .success()
        }
        let task = Task { await scheduler.run() }
        for _ in 0..<500 where await gauge.polled.count < 12 {
            try await Task.sleep(for: .milliseconds(10))
        }
        // The scheduler records a poll just after the poll returns: let it do so before stopping it.
        for _ in 0..<500 where await !scheduler.states().allSatisfy({ $0.polls == 1 }) {
            try await Task.sleep(for: .milliseconds(10))
        }
        task.cancel()
        await task.value
        #expect(Set(await gauge.polled) == Set(feeds.map(\.id)))
        #expect(await gauge.maxRunning == 4)
        #expect(await gauge.maxPerHost.values.allSatisfy { $0 <= 2 })
        let states = await scheduler.states()
        #expect(states.count == 12 && states.allSatisfy { $0.isHealthy && $0.polls == 1 })
    }

    @Test func oneHostAtATimeWhenPerHostLimitIsOne() async throws {
        let feeds = (0..<5).map { ScheduledFeed(id: "f\($0)", url: "http://127.0.0.1:8080/\($0).xml") }
        let gauge = Gauge()
        let scheduler = Scheduler(feeds: feeds, policy: SchedulePolicy(defaultInterval: 3600),
                                  limits: ConcurrencyLimits(global: 4, perHost: 1)) { feed in
            await gauge.start(feed)
            try? await Task.sleep(for: .milliseconds(10))
            await gauge.end(feed)
            return .success()
        }
        let task = Task { await scheduler.run() }
        for _ in 0..<500 where await gauge.polled.count < 5 {
            try await Task.sleep(for: .milliseconds(10))
        }
        task.cancel()
        await task.value
        #expect(await gauge.polled.count == 5)
        #expect(await gauge.maxRunning == 1)
    }

    @Test func followsBackoffAndRetryAfterOnTheTestClock() async throws {
        let clock = ManualClock()
        let start = clock.now
        let script: [PollOutcome] = [
            .failure(kind: "http-status", message: "http 429", retryAfter: 3600),
            .failure(kind: "http-status", message: "http 500"),
            .failure(kind: "http-status", message: "http 500"),
            .success(),
            .success(),
        ]
        let recorder = Recorder()
        let scheduler = Scheduler(
            feeds: [ScheduledFeed(id: "wire", url: "http://127.0.0.1/rss")],
            policy: SchedulePolicy(defaultInterval: 600, jitter: 0), limits: ConcurrencyLimits(), clock: clock,
            poll: { _ in
                let count = await recorder.pollTimes.count
                await recorder.polled(at: clock.now)
                return script[min(count, script.count - 1)]
            },
            observer: { await recorder.add($0) })
        let task = Task { await scheduler.run() }
        for polls in 1...script.count {
            // Wait until the scheduler has recorded the poll and gone back to sleep, then jump to its deadline.
            for _ in 0..<2000 where await recorder.events.count < polls || clock.sleeperCount == 0 {
                try await Task.sleep(for: .milliseconds(1))
            }
            if polls < script.count, let deadline = clock.nextDeadline { clock.advance(to: deadline) }
        }
        task.cancel()
        await task.value
        let offsets = await recorder.pollTimes.map { $0.timeIntervalSince(start) }
        // 429 → Retry-After 3600; then 500s double the backoff: 2400, 4800; then the plain interval.
        #expect(offsets == [0, 3600, 6000, 10800, 11400])
        let reports = await recorder.events.compactMap(\.report)
        #expect(reports.count == 2)
        #expect(reports.first == .failing(PollFailure(kind: "http-status", message: "http 429", retryAfter: 3600)))
        #expect(reports.last == .recovered(failures: 3))
    }

    @Test func feedsDueCloseTogetherStartOnOneTimerAndALoneFeedOnTime() async throws {
        let clock = ManualClock()
        let start = clock.now
        // Interval 100 s, batch wait 1 % of it: a and b (due 0.5 s apart) start together, at b's due time; c alone.
        let due: [String: TimeInterval] = ["a": 100, "b": 100.5, "c": 150]
        let saved = due.mapValues { FeedSchedule(nextPoll: start.addingTimeInterval($0)) }
        let feeds = due.keys.sorted().map { ScheduledFeed(id: $0, url: "http://127.0.0.1/\($0)") }
        let polled = Mutex<[String: TimeInterval]>([:])
        let scheduler = Scheduler(
            feeds: feeds, policy: SchedulePolicy(defaultInterval: 100, jitter: 0, batchWait: 0.01),
            limits: ConcurrencyLimits(global: 4, perHost: 4), clock: clock, saved: saved,
            poll: { feed in
                polled.withLock { $0[feed.id] = clock.now.timeIntervalSince(start) }
                return .success()
            })
        let task = Task { await scheduler.run() }
        for expected in [2, 3] {
            for _ in 0..<2000 where clock.sleeperCount == 0 { try await Task.sleep(for: .milliseconds(1)) }
            #expect(clock.nextDeadline.map { $0.timeIntervalSince(start) } == (expected == 2 ? 100.5 : 150))
            if let deadline = clock.nextDeadline { clock.advance(to: deadline) }
            for _ in 0..<2000 where polled.withLock({ $0.count }) < expected {
                try await Task.sleep(for: .milliseconds(1))
            }
        }
        task.cancel()
        await task.value
        #expect(polled.withLock { $0 } == ["a": 100.5, "b": 100.5, "c": 150])
        #expect(SchedulePolicy(batchWait: 0.01).batchWait(interval: 900) == SchedulePolicy.maxBatchWait)
    }

    @Test func reloadAddsAndRemovesFeeds() async throws {
        let clock = ManualClock()
        let recorder = Recorder()
        let policy = SchedulePolicy(defaultInterval: 600, jitter: 0)
        let scheduler = Scheduler(feeds: [ScheduledFeed(id: "a", url: "file:///a.xml")], policy: policy,
                                  limits: ConcurrencyLimits(), clock: clock,
                                  poll: { _ in .success() }, observer: { await recorder.add($0) })
        let task = Task { await scheduler.run() }
        for _ in 0..<2000 where await recorder.events.count < 1 || clock.sleeperCount == 0 {
            try await Task.sleep(for: .milliseconds(1))
        }
        await scheduler.update(feeds: [ScheduledFeed(id: "b", url: "file:///b.xml")], policy: policy,
                               limits: ConcurrencyLimits())
        for _ in 0..<2000 where await recorder.events.count < 2 {
            try await Task.sleep(for: .milliseconds(1))
        }
        task.cancel()
        await task.value
        #expect(await recorder.events.map(\.feed.id) == ["a", "b"])
        #expect(await scheduler.states().map(\.feed.id) == ["b"])
    }

    @Test func cancellingRunCancelsPollsInFlight() async throws {
        let started = Recorder()
        let scheduler = Scheduler(feeds: [ScheduledFeed(id: "slow", url: "http://slow.example/")],
                                  policy: SchedulePolicy(), limits: ConcurrencyLimits()) { _ in
            await started.polled(at: Date())
            do {
                try await Task.sleep(for: .seconds(60))
                return .success()
            } catch {
                return .failure(kind: "cancelled", message: "cancelled")
            }
        }
        let begin = Date()
        let task = Task { await scheduler.run() }
        for _ in 0..<500 where await started.pollTimes.isEmpty {
            try await Task.sleep(for: .milliseconds(5))
        }
        task.cancel()
        await task.value
        #expect(Date().timeIntervalSince(begin) < 30)  // the poll sleeps 60 s: ending long before shows it was cancelled
        // A poll cut short by shutdown is not counted as a failure of the feed.
        #expect(await scheduler.states().first?.schedule.consecutiveFailures == 0)
    }
}
