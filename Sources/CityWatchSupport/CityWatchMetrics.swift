import Foundation
import Metrics

/// The daemon's metrics through swift-metrics (the daemon bootstraps a Prometheus factory; `/metrics` renders it).
///
/// Counters are incremented where things happen (a poll's end, a fetch, an alert written to the log); the gauges
/// that describe state (outbox depth, store size, feeds by state) are set when `/metrics` is scraped. The series'
/// names and the recorders any stage may call are here; the poll counter is the daemon's
/// (`CityWatchMetrics+Polls.swift`), priming and the gauges the dashboard's (`CityWatchMetrics+Scrape.swift`).
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
}
