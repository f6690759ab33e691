import Foundation

/// Polls every feed on its own schedule, with a global and a per-host concurrency limit.
///
/// The loop starts what is due, then sleeps on the clock until the next feed is due, a poll finishes or the feed
/// list changes, so an idle daemon uses no CPU. Polls run as child tasks of `run()`: cancelling `run()` cancels
/// every transfer in flight.
public actor Scheduler {
    /// Polls one feed (fetch, parse, extract, diff, alert) and says how it went.
    public typealias Poll = @Sendable (ScheduledFeed) async -> PollOutcome
    /// Called after each poll with the feed's new state and what to report, if anything.
    public typealias Observer = @Sendable (PollEvent) async -> Void

    /// One finished poll.
    public struct PollEvent: Sendable {
        public var feed: ScheduledFeed
        public var outcome: PollOutcome
        public var schedule: FeedSchedule
        public var report: FeedSchedule.Report?
    }

    private struct Entry {
        var feed: ScheduledFeed
        var schedule: FeedSchedule
        var inFlight = false
        var polls = 0
        /// Bumped when the feed changes, so a poll started for the old definition is not recorded.
        var generation = 0
    }

    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    private var policy: SchedulePolicy
    private var limits: ConcurrencyLimits
    private var running = 0
    private var runningPerHost: [String: Int] = [:]
    private let clock: any DaemonClock
    private let poll: Poll
    private let observer: Observer
    private let wake = WakeSignal()
    private var generations = 0

    /// `saved` holds schedules kept from an earlier run (by feed id), so a restart does not poll everything at once.
    public init(feeds: [ScheduledFeed], policy: SchedulePolicy, limits: ConcurrencyLimits,
                clock: any DaemonClock = SystemClock(), saved: [String: FeedSchedule] = [:],
                poll: @escaping Poll, observer: @escaping Observer = { _ in }) {
        self.policy = policy
        self.limits = limits
        self.clock = clock
        self.poll = poll
        self.observer = observer
        let now = clock.now
        for feed in feeds where entries[feed.id] == nil {
            entries[feed.id] = Entry(feed: feed, schedule: saved[feed.id] ?? FeedSchedule(nextPoll: now))
            order.append(feed.id)
        }
    }

    /// Runs until the task is cancelled; in-flight polls are cancelled with it.
    public func run() async {
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled {
                startDuePolls(in: &group)
                await wake.wait(until: nextDeadline(), clock: clock)
            }
        }
    }

    /// Replaces the feed list (a reload): new feeds are due at once, removed ones stop, changed ones restart.
    public func update(feeds: [ScheduledFeed], policy: SchedulePolicy, limits: ConcurrencyLimits) {
        let now = clock.now
        var updated: [String: Entry] = [:]
        var newOrder: [String] = []
        for feed in feeds where updated[feed.id] == nil {
            if var entry = entries[feed.id] {
                if entry.feed.url != feed.url {
                    entry = Entry(feed: feed, schedule: FeedSchedule(nextPoll: now), generation: nextGeneration())
                } else if entry.feed.interval != feed.interval || self.policy.defaultInterval != policy.defaultInterval {
                    entry.feed = feed
                    // A shorter interval should not wait out the rest of the old, longer one.
                    let soonest = now.addingTimeInterval(policy.interval(override: feed.interval))
                    if entry.schedule.consecutiveFailures == 0, entry.schedule.nextPoll > soonest {
                        entry.schedule.nextPoll = soonest
                    }
                }
                updated[feed.id] = entry
            } else {
                updated[feed.id] = Entry(feed: feed, schedule: FeedSchedule(nextPoll: now), generation: nextGeneration())
            }
            newOrder.append(feed.id)
        }
        entries = updated
        order = newOrder
        self.policy = policy
        self.limits = limits
        wake.signal()
    }

    private func nextGeneration() -> Int {
        generations += 1
        return generations
    }

    /// Every feed's schedule and health, in config order.
    public func states() -> [ScheduledFeedState] {
        order.compactMap { id in
            entries[id].map { ScheduledFeedState(feed: $0.feed, schedule: $0.schedule, inFlight: $0.inFlight, polls: $0.polls) }
        }
    }

    /// Starts every due feed the limits allow, the longest-overdue first.
    private func startDuePolls(in group: inout DiscardingTaskGroup) {
        let now = clock.now
        let due = order.compactMap { entries[$0] }
            .filter { !$0.inFlight && $0.schedule.nextPoll <= now }
            .sorted { $0.schedule.nextPoll < $1.schedule.nextPoll }
        for entry in due {
            guard running < limits.global else { break }
            let host = entry.feed.hostKey
            guard runningPerHost[host, default: 0] < limits.perHost else { continue }
            running += 1
            runningPerHost[host, default: 0] += 1
            entries[entry.feed.id]?.inFlight = true
            let feed = entry.feed
            let generation = entry.generation
            group.addTask { [poll] in
                let outcome = await poll(feed)
                if let event = await self.finish(feed, generation: generation, outcome: outcome) {
                    await self.observer(event)
                }
            }
        }
    }

    /// Frees the poll's slots and records its outcome (not when shutting down or the feed changed meanwhile).
    private func finish(_ feed: ScheduledFeed, generation: Int, outcome: PollOutcome) -> PollEvent? {
        running -= 1
        runningPerHost[feed.hostKey, default: 1] -= 1
        if runningPerHost[feed.hostKey] == 0 { runningPerHost[feed.hostKey] = nil }
        defer { wake.signal() }
        // A poll for a removed or replaced definition says nothing about the current one.
        guard var entry = entries[feed.id], entry.generation == generation else { return nil }
        entry.inFlight = false
        // Nor does one cut short by shutdown.
        guard !Task.isCancelled else {
            entries[feed.id] = entry
            return nil
        }
        entry.polls += 1
        let report = entry.schedule.record(outcome, at: clock.now,
                                           interval: policy.interval(override: entry.feed.interval), policy: policy)
        entries[feed.id] = entry
        return PollEvent(feed: entry.feed, outcome: outcome, schedule: entry.schedule, report: report)
    }

    /// The earliest time a feed that is not running becomes due; nil when only a finishing poll can change things.
    private func nextDeadline() -> Date? {
        let now = clock.now
        return entries.values.lazy.filter { !$0.inFlight && $0.schedule.nextPoll > now }.map(\.schedule.nextPoll).min()
    }
}
