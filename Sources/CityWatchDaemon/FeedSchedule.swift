import Foundation

/// One feed's scheduling and health state, advanced by each poll outcome.
///
/// A broken feed is reported once when it starts failing and once when it recovers; in between it keeps
/// being polled on the backoff schedule, never abandoned.
package struct FeedSchedule: Sendable, Equatable, Codable {
    /// When the feed is due next.
    package var nextPoll: Date
    /// Failures since the last success.
    package var consecutiveFailures: Int = 0
    /// When the last poll succeeded (a 304 counts).
    package var lastSuccess: Date?
    /// When and why the last poll failed.
    package var lastErrorTime: Date?
    package var lastError: String?
    /// The last RSS `<ttl>` seen, kept because a 304 carries no body to read it from.
    package var ttl: TimeInterval?
    /// True between the "failing" report and the "recovered" report.
    package var reportedFailing: Bool = false

    /// A new feed, due at `nextPoll`.
    package init(nextPoll: Date) {
        self.nextPoll = nextPoll
    }

    /// What a poll outcome asks the daemon to tell its operator.
    package enum Report: Sendable, Equatable {
        /// The feed started failing (sent once per outage).
        case failing(PollFailure)
        /// The feed works again after a reported outage; `failures` is how many polls failed.
        case recovered(failures: Int)
    }

    /// Applies the outcome of a poll that finished at `now`; returns what to report, if anything.
    ///
    /// `random` is a number in 0..<1 for the jitter (tests pass 0.5 for none).
    package mutating func record(_ outcome: PollOutcome, at now: Date, interval: TimeInterval,
                                policy: SchedulePolicy, random: Double = .random(in: 0..<1)) -> Report? {
        switch outcome {
        case .success(let maxAge, let ttl, _, _):
            if let ttl { self.ttl = ttl }
            return succeeded(at: now, floors: [maxAge, self.ttl], interval: interval, policy: policy, random: random)
        case .notModified(let maxAge):
            return succeeded(at: now, floors: [maxAge, ttl], interval: interval, policy: policy, random: random)
        case .failure(let failure):
            consecutiveFailures += 1
            lastErrorTime = now
            lastError = failure.message
            var delay = policy.jittered(policy.backoff(interval: interval, failures: consecutiveFailures), unit: random)
            // Retry-After is the earliest the server will talk to us: a floor, applied after jitter.
            if let retryAfter = failure.retryAfter, retryAfter > 0 {
                delay = max(delay, min(retryAfter, policy.maxRetryAfter))
            }
            nextPoll = now.addingTimeInterval(max(policy.minInterval, delay))
            guard !reportedFailing else { return nil }
            reportedFailing = true
            return .failing(failure)
        }
    }

    private mutating func succeeded(at now: Date, floors: [TimeInterval?], interval: TimeInterval,
                                    policy: SchedulePolicy, random: Double) -> Report? {
        let failures = consecutiveFailures
        consecutiveFailures = 0
        lastSuccess = now
        var delay = policy.jittered(interval, unit: random)
        // Polling before max-age or <ttl> would only fetch what the publisher said is unchanged.
        let floor = floors.compactMap { $0 }.filter { $0 > 0 }.max().map { min($0, policy.maxFloor) } ?? 0
        delay = max(delay, floor, policy.minInterval)
        nextPoll = now.addingTimeInterval(delay)
        guard reportedFailing else { return nil }
        reportedFailing = false
        return .recovered(failures: failures)
    }
}
