import Foundation

/// The rules that turn a poll's outcome into the time of the next poll (values, no I/O).
package struct SchedulePolicy: Sendable, Equatable {
    /// Interval for feeds without an override (`[schedule] interval`).
    package var defaultInterval: TimeInterval
    /// Each delay is spread by up to ± this fraction, so feeds with the same interval drift apart.
    package var jitter: Double
    /// Consecutive failures double the interval up to this bound (or the feed's own interval, if longer).
    package var maxBackoff: TimeInterval
    /// A Retry-After longer than this is cut to it: a feed is never silenced for longer.
    package var maxRetryAfter: TimeInterval
    /// Cache-Control max-age and RSS `<ttl>` are floors, but never above this.
    package var maxFloor: TimeInterval
    /// Never poll one feed more often than this, whatever the config or server says.
    package var minInterval: TimeInterval
    /// A due feed may wait this fraction of its interval (at most `maxBatchWait`) for the feeds due soon after it,
    /// so one timer starts them together: never earlier than due, a little later. 0: each starts when due.
    package var batchWait: Double

    /// The longest a due feed waits for others.
    package static let maxBatchWait: TimeInterval = 1

    package init(defaultInterval: TimeInterval = 900, jitter: Double = 0.1, maxBackoff: TimeInterval = 6 * 3600,
                maxRetryAfter: TimeInterval = 86_400, maxFloor: TimeInterval = 86_400, minInterval: TimeInterval = 1,
                batchWait: Double = 0) {
        self.defaultInterval = defaultInterval
        self.jitter = jitter
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
        self.maxFloor = maxFloor
        self.minInterval = minInterval
        self.batchWait = batchWait
    }

    /// How long a feed with this interval may wait past its due time for others (see `batchWait`).
    package func batchWait(interval: TimeInterval) -> TimeInterval {
        min(Self.maxBatchWait, max(0, interval * batchWait))
    }

    /// The interval of a feed: its override, else the default.
    package func interval(override: TimeInterval?) -> TimeInterval {
        max(minInterval, override ?? defaultInterval)
    }

    /// The delay after `failures` consecutive failures: interval × 2^failures, bounded.
    package func backoff(interval: TimeInterval, failures: Int) -> TimeInterval {
        guard failures > 0 else { return interval }
        let bound = max(maxBackoff, interval)
        let factor = pow(2.0, Double(min(failures, 30)))
        return min(interval * factor, bound)
    }

    /// Spreads `delay` by the jitter fraction; `unit` is a random number in 0..<1 (0.5 means no change).
    package func jittered(_ delay: TimeInterval, unit: Double) -> TimeInterval {
        delay * (1 + jitter * (2 * unit - 1))
    }
}
