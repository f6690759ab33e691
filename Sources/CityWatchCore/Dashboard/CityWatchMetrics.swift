import Foundation
import Metrics

/// The daemon's metrics through swift-metrics (the daemon bootstraps a Prometheus factory; `/metrics` renders it).
///
/// Counters are incremented where things happen (a poll's end, a fetch, an alert written to the log); the gauges
/// that describe state (outbox depth, store size, feeds by state) are set when `/metrics` is scraped.
package enum CityWatchMetrics {
    /// Polls finished, by feed and result ("ok", "not_modified", "failure").
    package static let polls = "citywatch_polls_total"
    /// Failed polls, by feed.
    package static let pollFailures = "citywatch_poll_failures_total"
    /// New feed items seen, by feed.
    package static let items = "citywatch_items_total"
    /// Alerts written to the log, by kind.
    package static let alerts = "citywatch_alerts_total"
    /// The time of each transfer (feeds and article pages), a histogram in seconds.
    package static let fetchDuration = "citywatch_fetch_duration_seconds"
    /// Alerts committed but not yet delivered, by queue ("log", "webhook").
    package static let outboxDepth = "citywatch_outbox_depth"
    /// The knowledge database's size on disk (with its WAL), in bytes.
    package static let storeBytes = "citywatch_store_bytes"
    /// Configured feeds by state ("ok", "failing", "pending").
    package static let feeds = "citywatch_feeds"
    /// Unix time of the scheduler's last heartbeat.
    package static let schedulerHeartbeat = "citywatch_scheduler_heartbeat_timestamp_seconds"

    /// Counts one finished poll.
    package static func record(_ event: Scheduler.PollEvent, factory: any MetricsFactory = MetricsSystem.factory) {
        let feed = event.feed.id
        switch event.outcome {
        case .success(_, _, let newItems, _):
            Counter(label: polls, dimensions: [("feed", feed), ("result", "ok")], factory: factory).increment()
            if newItems > 0 { Counter(label: items, dimensions: [("feed", feed)], factory: factory).increment(by: newItems) }
        case .notModified:
            Counter(label: polls, dimensions: [("feed", feed), ("result", "not_modified")], factory: factory).increment()
        case .failure:
            Counter(label: polls, dimensions: [("feed", feed), ("result", "failure")], factory: factory).increment()
            Counter(label: pollFailures, dimensions: [("feed", feed)], factory: factory).increment()
        }
    }

    /// Counts alerts written to the log (their kinds as stored in the outbox).
    package static func recordAlerts(kinds: [String], factory: any MetricsFactory = MetricsSystem.factory) {
        for kind in kinds { Counter(label: alerts, dimensions: [("kind", kind)], factory: factory).increment() }
    }

    /// Runs a transfer and records how long it took (failed transfers too).
    package static func timeFetch<T: Sendable>(factory: any MetricsFactory = MetricsSystem.factory,
                                              _ body: () async throws -> T) async rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let elapsed = DispatchTime.now().uptimeNanoseconds - start
            Metrics.Timer(label: fetchDuration, factory: factory).recordNanoseconds(Int64(clamping: elapsed))
        }
        return try await body()
    }

    /// Creates every series at zero, so a scraper sees each feed and kind before the first event.
    package static func prime(feeds names: [String], factory: any MetricsFactory = MetricsSystem.factory) {
        for feed in names {
            for result in ["ok", "not_modified", "failure"] {
                _ = Counter(label: polls, dimensions: [("feed", feed), ("result", result)], factory: factory)
            }
            _ = Counter(label: pollFailures, dimensions: [("feed", feed)], factory: factory)
            _ = Counter(label: items, dimensions: [("feed", feed)], factory: factory)
        }
        for kind in Alert.Kind.allCases { _ = Counter(label: alerts, dimensions: [("kind", kind.rawValue)], factory: factory) }
        _ = Metrics.Timer(label: fetchDuration, factory: factory)
    }

    /// Sets the state gauges from the store and the feeds' health (called at each scrape).
    package static func updateGauges(store: KnowledgeStore, feeds: [FeedHealth], webhook: Bool, heartbeat: Date?,
                                    factory: any MetricsFactory) {
        if let depth = try? store.outboxDepth() {
            Gauge(label: outboxDepth, dimensions: [("queue", "log")], factory: factory).record(depth.log)
            if webhook { Gauge(label: outboxDepth, dimensions: [("queue", "webhook")], factory: factory).record(depth.webhook) }
        }
        Gauge(label: storeBytes, factory: factory).record(store.sizeOnDisk())
        for state in ["ok", "failing", "pending"] {
            Gauge(label: self.feeds, dimensions: [("state", state)], factory: factory).record(feeds.filter { $0.state == state }.count)
        }
        if let heartbeat {
            Gauge(label: schedulerHeartbeat, factory: factory).record(heartbeat.timeIntervalSince1970.rounded())
        }
    }
}
