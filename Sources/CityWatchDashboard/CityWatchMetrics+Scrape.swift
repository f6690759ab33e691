import Foundation
import Metrics
import CityWatchSupport
import CityWatchKnowledge
import CityWatchDaemon

extension CityWatchMetrics {
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
