import Foundation
import CityWatchSupport
import CityWatchKnowledge
import CityWatchConfig

/// One feed's health for `citywatch status`: the store's record joined with the daemon's schedule.
package struct FeedHealth: Sendable, Equatable {
    package var name: String
    package var url: String
    /// "ok", "failing" or "pending" (never polled).
    package var state: String
    package var lastSuccess: String?
    package var lastError: String?
    package var lastErrorTime: String?
    package var consecutiveFailures: Int
    /// When the daemon polls it next (ISO 8601); nil when nothing has scheduled it yet.
    package var nextPoll: String?
    /// The earliest time the server allows (a 429/503 Retry-After), when one is in force.
    package var retryAfter: String?
    package var itemsSeen: Int
    package var alertsRaised: Int

    /// `status --json`'s line: keys in alphabetical order, absent values as null.
    package var jsonLine: String {
        JSONWriter.text { w in
            w.open()
            w.key("alerts_raised"); w.int(alertsRaised)
            w.key("consecutive_failures"); w.int(consecutiveFailures)
            w.key("items_seen"); w.int(itemsSeen)
            w.key("last_error"); w.string(lastError)
            w.key("last_error_time"); w.string(lastErrorTime)
            w.key("last_success"); w.string(lastSuccess)
            w.key("name"); w.string(name)
            w.key("next_poll"); w.string(nextPoll)
            w.key("retry_after"); w.string(retryAfter)
            w.key("state"); w.string(state)
            w.key("url"); w.string(url)
            w.close()
        }
    }

    /// Every configured feed's health, in config order.
    ///
    /// The store knows what polls did (also `run --once`'s); the daemon's status file knows when it polls next.
    /// Without a status file the next poll is estimated from the last poll and the interval.
    package static func report(config: Config, stored: [FeedState], status: FeedStatusFile?) -> [FeedHealth] {
        let byName = Dictionary(stored.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let scheduled = Dictionary((status?.feeds ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return config.feeds.map { feed in
            let record = byName[feed.name].flatMap { $0.url == feed.url ? $0 : nil }
            let schedule = scheduled[feed.name].flatMap { $0.url == feed.url ? $0 : nil }
            let failures = record?.consecutiveFailures ?? 0
            let state = failures > 0 ? "failing" : (record?.lastSuccess == nil ? "pending" : "ok")
            var next = schedule?.nextPoll.map(UTCTime.string)
            if next == nil, let record {
                next = record.retryAfter
                    ?? record.lastPoll.flatMap(UTCTime.date).map {
                        UTCTime.string($0.addingTimeInterval(config.interval(of: feed)))
                    }
            }
            return FeedHealth(name: feed.name, url: feed.url, state: state, lastSuccess: record?.lastSuccess,
                              lastError: failures > 0 ? record?.lastError : nil,
                              lastErrorTime: record?.lastErrorTime, consecutiveFailures: failures, nextPoll: next,
                              retryAfter: record?.retryAfter, itemsSeen: record?.itemsSeen ?? 0,
                              alertsRaised: record?.alertsRaised ?? 0)
        }
    }

    /// The one-line summary (as in the sd_notify STATUS line).
    package static func summary(_ feeds: [FeedHealth]) -> String {
        let ok = feeds.filter { $0.state == "ok" }.count
        let failing = feeds.filter { $0.state == "failing" }.count
        let pending = feeds.count - ok - failing
        let alerts = feeds.reduce(0) { $0 + $1.alertsRaised }
        var line = "\(feeds.count) feeds: \(ok) ok, \(failing) failing"
        if pending > 0 { line += ", \(pending) pending" }
        return line + "; \(alerts) alert\(alerts == 1 ? "" : "s") raised"
    }
}
