import Foundation
import CityWatchSupport

/// Polls every feed on its own schedule, with a global and a per-host concurrency limit.
///
/// The loop starts what is due, then sleeps on the clock until the next feed is due, a poll finishes or the feed
/// list changes, so an idle daemon uses no CPU. Polls run as child tasks of `run()`: cancelling `run()` cancels
/// every transfer in flight.
package actor Scheduler {
    /// Polls one feed (fetch, parse, extract, diff, alert) and says how it went.
    package typealias Poll = @Sendable (ScheduledFeed) async -> PollOutcome
    /// Called after each poll with the feed's new state and what to report, if anything.
    package typealias Observer = @Sendable (PollEvent) async -> Void

    /// One finished poll.
    package struct PollEvent: Sendable {
        package var feed: ScheduledFeed
        package var outcome: PollOutcome
        package var schedule: FeedSchedule
        package var report: FeedSchedule.Report?
    }

    private struct Entry {
        var feed: ScheduledFeed
        /// The per-host limit's key, parsed once rather than on every poll.
        var host: String
        var schedule: FeedSchedule
        var inFlight = false
        var polls = 0
        /// Unique per definition, so a poll started for a removed or replaced feed is not recorded.
        var generation: Int

        init(feed: ScheduledFeed, schedule: FeedSchedule, generation: Int) {
            self.feed = feed
            self.host = feed.hostKey
            self.schedule = schedule
            self.generation = generation
        }
    }

    /// The feeds in config order; `index` finds one by id. Scans are plain loops over this array: with
    /// hundreds of feeds that costs microseconds, and only when something happened.
    private var entries: [Entry] = []
    private var index: [String: Int] = [:]
    private var policy: SchedulePolicy
    private var limits: ConcurrencyLimits
    private var running = 0
    private var runningPerHost: [String: Int] = [:]
    private let clock: any DaemonClock
    private let poll: Poll
    private let observer: Observer
    private let wake = WakeSignal()
    private var generations = 0
    /// The one timer of the loop: it signals `wake` at `alarmDeadline`. It is set again only when the earliest
    /// deadline moves, not at every wake: a poll that finishes costs no timer.
    private var alarm: Task<Void, Never>?
    private var alarmDeadline: Date?
    private var alarms = 0

    /// `saved` holds schedules kept from an earlier run (by feed id), so a restart does not poll everything at once.
    package init(feeds: [ScheduledFeed], policy: SchedulePolicy, limits: ConcurrencyLimits,
                clock: any DaemonClock = SystemClock(), saved: [String: FeedSchedule] = [:],
                poll: @escaping Poll, observer: @escaping Observer = { _ in }) {
        self.policy = policy
        self.limits = limits
        self.clock = clock
        self.poll = poll
        self.observer = observer
        let now = clock.now
        for feed in feeds where index[feed.id] == nil {
            generations += 1
            index[feed.id] = entries.count
            entries.append(Entry(feed: feed, schedule: saved[feed.id] ?? FeedSchedule(nextPoll: now),
                                 generation: generations))
        }
    }

    /// Runs until the task is cancelled; in-flight polls are cancelled with it.
    package func run() async {
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled {
                startDuePolls(in: &group)
                setAlarm(nextDeadline())
                await wake.wait()
            }
        }
        setAlarm(nil)
    }

    /// Makes `deadline` the alarm's (nil: none); an alarm already set for it is kept.
    private func setAlarm(_ deadline: Date?) {
        if alarm != nil, deadline == alarmDeadline { return }
        alarm?.cancel()
        alarm = nil
        alarmDeadline = deadline
        guard let deadline else { return }
        alarms += 1
        let id = alarms
        alarm = Task { [clock, wake] in
            // A sleep cut short (the wall clock set back) sleeps again: the loop is woken only when a feed is due.
            while clock.now < deadline {
                do { try await clock.sleep(until: deadline) } catch { return }
            }
            await self.alarmRang(id)
            wake.signal()
        }
    }

    /// An alarm that rang is spent: the next loop sets a new one even for the same deadline.
    private func alarmRang(_ id: Int) {
        if id == alarms { alarm = nil }
    }

    /// Replaces the feed list (a reload): new feeds are due at once, removed ones stop, changed ones restart.
    package func update(feeds: [ScheduledFeed], policy: SchedulePolicy, limits: ConcurrencyLimits) {
        let now = clock.now
        var updated: [Entry] = []
        var updatedIndex: [String: Int] = [:]
        for feed in feeds where updatedIndex[feed.id] == nil {
            var entry: Entry
            if let position = index[feed.id], entries[position].feed.url == feed.url {
                entry = entries[position]
                if entry.feed.interval != feed.interval || self.policy.defaultInterval != policy.defaultInterval {
                    entry.feed = feed
                    // A shorter interval should not wait out the rest of the old, longer one.
                    let soonest = now.addingTimeInterval(policy.interval(override: feed.interval))
                    if entry.schedule.consecutiveFailures == 0, entry.schedule.nextPoll > soonest {
                        entry.schedule.nextPoll = soonest
                    }
                }
            } else {
                // New, or at a new URL: a fresh start, due now.
                generations += 1
                entry = Entry(feed: feed, schedule: FeedSchedule(nextPoll: now), generation: generations)
            }
            updatedIndex[feed.id] = updated.count
            updated.append(entry)
        }
        entries = updated
        index = updatedIndex
        self.policy = policy
        self.limits = limits
        wake.signal()
    }

    /// Returns as soon as the scheduler's actor is free: the watchdog's proof of life.
    package func ping() {}

    /// Every feed's schedule and health, in config order.
    package func states() -> [ScheduledFeedState] {
        entries.map { ScheduledFeedState(feed: $0.feed, schedule: $0.schedule, inFlight: $0.inFlight, polls: $0.polls) }
    }

    /// Starts every due feed the limits allow, the longest-overdue first.
    private func startDuePolls(in group: inout DiscardingTaskGroup) {
        guard running < limits.global else { return }
        let now = clock.now
        var due: [Int] = []
        for position in entries.indices where !entries[position].inFlight && entries[position].schedule.nextPoll <= now {
            due.append(position)
        }
        due.sort { entries[$0].schedule.nextPoll < entries[$1].schedule.nextPoll }
        for position in due {
            guard running < limits.global else { break }
            let host = entries[position].host
            guard runningPerHost[host, default: 0] < limits.perHost else { continue }
            running += 1
            runningPerHost[host, default: 0] += 1
            entries[position].inFlight = true
            let feed = entries[position].feed
            let generation = entries[position].generation
            group.addTask { [poll] in
                let outcome = await poll(feed)
                if let event = await self.finish(feed, host: host, generation: generation, outcome: outcome) {
                    await self.observer(event)
                }
            }
        }
    }

    /// Frees the poll's slots and records its outcome (not when shutting down or the feed changed meanwhile).
    private func finish(_ feed: ScheduledFeed, host: String, generation: Int, outcome: PollOutcome) -> PollEvent? {
        running -= 1
        runningPerHost[host, default: 1] -= 1
        if runningPerHost[host] == 0 { runningPerHost[host] = nil }
        defer { wake.signal() }
        // A poll for a removed or replaced definition says nothing about the current one.
        guard let position = index[feed.id], entries[position].generation == generation else { return nil }
        entries[position].inFlight = false
        // Nor does one cut short by shutdown.
        guard !Task.isCancelled else { return nil }
        entries[position].polls += 1
        let interval = policy.interval(override: entries[position].feed.interval)
        let report = entries[position].schedule.record(outcome, at: clock.now, interval: interval, policy: policy)
        let entry = entries[position]
        return PollEvent(feed: entry.feed, outcome: outcome, schedule: entry.schedule, report: report)
    }

    /// When the loop must next start polls; nil when only a finishing poll can change things. That is the earliest
    /// due time E, moved on to the last due time among the feeds due within their batch wait of E, so feeds due
    /// close together start on one timer: a lone feed starts on time, none starts before it is due or after E plus
    /// the wait.
    private func nextDeadline() -> Date? {
        let now = clock.now
        var earliest: Date?
        var wait: TimeInterval = 0
        for entry in entries where !entry.inFlight && entry.schedule.nextPoll > now {
            if earliest.map({ entry.schedule.nextPoll < $0 }) ?? true {
                earliest = entry.schedule.nextPoll
                wait = policy.batchWait(interval: policy.interval(override: entry.feed.interval))
            }
        }
        guard let earliest, wait > 0 else { return earliest }
        let latest = earliest.addingTimeInterval(wait)
        var deadline = earliest
        for entry in entries where !entry.inFlight && entry.schedule.nextPoll > deadline
            && entry.schedule.nextPoll <= latest {
            deadline = entry.schedule.nextPoll
        }
        return deadline
    }
}
