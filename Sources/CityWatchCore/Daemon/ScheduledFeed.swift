import Foundation

/// A feed as the scheduler sees it: an identity, a URL (for the per-host limit) and an optional interval.
public struct ScheduledFeed: Sendable, Equatable, Hashable {
    /// Unique within a config (the feed's name).
    public var id: String
    public var url: String
    /// The feed's own interval; nil means the config's default.
    public var interval: TimeInterval?

    public init(id: String, url: String, interval: TimeInterval? = nil) {
        self.id = id
        self.url = url
        self.interval = interval
    }

    /// The key the per-host limit counts by: the lower-cased host, or the scheme for hostless URLs (file:).
    public var hostKey: String {
        let components = URLComponents(string: url)
        if let host = components?.host, !host.isEmpty { return host.lowercased() }
        return (components?.scheme ?? "").lowercased() + ":"
    }
}

/// How many polls may run at once, in total and against one host.
public struct ConcurrencyLimits: Sendable, Equatable {
    public var global: Int
    public var perHost: Int

    public init(global: Int = 4, perHost: Int = 2) {
        self.global = max(1, global)
        self.perHost = max(1, perHost)
    }
}

/// One feed's schedule and health, as `status` and the sd_notify STATUS line show it.
public struct ScheduledFeedState: Sendable, Equatable {
    public var feed: ScheduledFeed
    public var schedule: FeedSchedule
    public var inFlight: Bool
    /// Polls since the daemon started (successes and failures).
    public var polls: Int

    /// True once polled successfully and not failing since.
    public var isHealthy: Bool { schedule.consecutiveFailures == 0 && schedule.lastSuccess != nil }
    public var isFailing: Bool { schedule.consecutiveFailures > 0 }
}
