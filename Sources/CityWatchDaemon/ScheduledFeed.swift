import Foundation

/// A feed as the scheduler sees it: an identity, a URL (for the per-host limit) and an optional interval.
package struct ScheduledFeed: Sendable, Equatable, Hashable {
    /// Unique within a config (the feed's name).
    package var id: String
    package var url: String
    /// The feed's own interval; nil means the config's default.
    package var interval: TimeInterval?

    package init(id: String, url: String, interval: TimeInterval? = nil) {
        self.id = id
        self.url = url
        self.interval = interval
    }

    /// The key the per-host limit counts by: the lower-cased host, or the scheme for hostless URLs (file:).
    package var hostKey: String {
        let components = URLComponents(string: url)
        if let host = components?.host, !host.isEmpty { return host.lowercased() }
        return (components?.scheme ?? "").lowercased() + ":"
    }
}

/// How many polls may run at once, in total and against one host.
package struct ConcurrencyLimits: Sendable, Equatable {
    package var global: Int
    package var perHost: Int

    package init(global: Int = 4, perHost: Int = 2) {
        self.global = max(1, global)
        self.perHost = max(1, perHost)
    }
}

/// One feed's schedule and health, as `status` and the sd_notify STATUS line show it.
package struct ScheduledFeedState: Sendable, Equatable {
    package var feed: ScheduledFeed
    package var schedule: FeedSchedule
    package var inFlight: Bool
    /// Polls since the daemon started (successes and failures).
    package var polls: Int

    /// True once polled successfully and not failing since.
    package var isHealthy: Bool { schedule.consecutiveFailures == 0 && schedule.lastSuccess != nil }
    package var isFailing: Bool { schedule.consecutiveFailures > 0 }
}
