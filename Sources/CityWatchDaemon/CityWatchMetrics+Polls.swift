import Foundation
import Metrics
import CityWatchSupport

extension CityWatchMetrics {
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
}
