import Foundation
import Testing
@testable import CityWatchSupport
@testable import CityWatchDaemon

@Suite struct FeedScheduleTests {
    let policy = SchedulePolicy(defaultInterval: 600, jitter: 0)
    let clock = ManualClock()

    /// Records an outcome at the clock's time and moves the clock to the next poll.
    func poll(_ schedule: inout FeedSchedule, _ outcome: PollOutcome) -> (delay: TimeInterval, report: FeedSchedule.Report?) {
        let now = clock.now
        let report = schedule.record(outcome, at: now, interval: 600, policy: policy, random: 0.5)
        clock.advance(to: schedule.nextPoll)
        // Rounded to the millisecond: Date arithmetic far from the reference date is not exact.
        return ((schedule.nextPoll.timeIntervalSince(now) * 1000).rounded() / 1000, report)
    }

    @Test func retryAfterThenServerErrorsThenSuccess() {
        var schedule = FeedSchedule(nextPoll: clock.now)
        // 429 with Retry-After 3600: later than the backoff (1200), so it wins.
        let first = poll(&schedule, .failure(kind: "http-status", message: "http 429", retryAfter: 3600))
        #expect(first.delay == 3600)
        #expect(first.report == .failing(PollFailure(kind: "http-status", message: "http 429", retryAfter: 3600)))
        // 500s: the interval doubles with each consecutive failure, reported nothing more.
        let second = poll(&schedule, .failure(kind: "http-status", message: "http 500"))
        #expect(second.delay == 2400)
        #expect(second.report == nil)
        let third = poll(&schedule, .failure(kind: "http-status", message: "http 500"))
        #expect(third.delay == 4800)
        #expect(third.report == nil)
        #expect(schedule.consecutiveFailures == 3)
        #expect(schedule.lastError == "http 500")
        // Success: recovery reported once, the plain interval again.
        let fourth = poll(&schedule, .success())
        #expect(fourth.report == .recovered(failures: 3))
        #expect(fourth.delay == 600)
        #expect(schedule.consecutiveFailures == 0)
        #expect(schedule.lastSuccess != nil)
        let fifth = poll(&schedule, .notModified())
        #expect(fifth.report == nil)
        #expect(fifth.delay == 600)
    }

    @Test func backoffIsBoundedAtSixHoursButNeverAbandoned() {
        var schedule = FeedSchedule(nextPoll: clock.now)
        var delays: [TimeInterval] = []
        var reports = 0
        for _ in 0..<20 {
            let result = poll(&schedule, .failure(kind: "timeout", message: "timed out"))
            delays.append(result.delay)
            if result.report != nil { reports += 1 }
        }
        #expect(delays.prefix(6) == [1200, 2400, 4800, 9600, 19200, 21600])
        #expect(delays.max() == TimeInterval(6 * 3600))
        #expect(reports == 1)
        #expect(schedule.nextPoll > clock.now.addingTimeInterval(-1))
    }

    @Test func retryAfterIsCappedAtADay() {
        var schedule = FeedSchedule(nextPoll: clock.now)
        let result = poll(&schedule, .failure(kind: "http-status", message: "http 503", retryAfter: 7 * 86_400))
        #expect(result.delay == 86_400)
    }

    @Test func shortRetryAfterDoesNotShortenTheBackoff() {
        var schedule = FeedSchedule(nextPoll: clock.now)
        let result = poll(&schedule, .failure(kind: "http-status", message: "http 429", retryAfter: 5))
        #expect(result.delay == 1200)
    }

    @Test func maxAgeAndTtlAreFloors() {
        var schedule = FeedSchedule(nextPoll: clock.now)
        #expect(poll(&schedule, .success(maxAge: 1800)).delay == 1800)
        #expect(poll(&schedule, .success(maxAge: 60)).delay == 600)
        #expect(poll(&schedule, .success(ttl: 3600)).delay == 3600)
        // A 304 carries no <ttl>: the last one seen still applies.
        #expect(poll(&schedule, .notModified()).delay == 3600)
        #expect(poll(&schedule, .success(maxAge: 30 * 86_400)).delay == 86_400)
    }

    @Test func jitterStaysWithinItsFraction() {
        let jittery = SchedulePolicy(defaultInterval: 600, jitter: 0.1)
        for unit in stride(from: 0.0, to: 1.0, by: 0.05) {
            var schedule = FeedSchedule(nextPoll: clock.now)
            _ = schedule.record(.success(), at: clock.now, interval: 600, policy: jittery, random: unit)
            let delay = schedule.nextPoll.timeIntervalSince(clock.now)
            #expect(delay >= 540 && delay <= 660)
        }
        #expect(jittery.jittered(600, unit: 0) == 540)
    }

    @Test func intervalOverrideAndDefault() {
        #expect(policy.interval(override: nil) == 600)
        #expect(policy.interval(override: 60) == 60)
        #expect(policy.interval(override: 0) == 1)
        #expect(policy.backoff(interval: 12 * 3600, failures: 3) == 12 * 3600)
    }

    @Test func manualClockWakesSleepersAtTheirDeadline() async throws {
        let start = clock.now
        async let slept: Void = clock.sleep(until: start.addingTimeInterval(60))
        while clock.sleeperCount == 0 { await Task.yield() }
        clock.advance(by: 30)
        #expect(clock.sleeperCount == 1)
        clock.advance(by: 30)
        try await slept
        #expect(clock.now == start.addingTimeInterval(60))
    }
}
