import Foundation
import Logging
import CityWatchKnowledge
import CityWatchConfig
import CityWatchNotify

extension DaemonPlan {
    /// The plan for a loaded config: each scheduled poll is the cycle's poll of that one feed.
    ///
    /// Feed failures are reported by the scheduler (once when a feed starts failing, once when it recovers), so
    /// the cycle runs with `reportFailures: false`: its per-poll failure lines arrive at debug level.
    package static func make(config: Config, store: KnowledgeStore, pipeline: Pipeline, logger: Logger) -> DaemonPlan {
        let cycle = Cycle(config: config, store: store, pipeline: pipeline, reportFailures: false, logger: logger)
        NotifierRunner.register(config.notifiers, store: store)
        let feeds = Dictionary(config.feeds.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        // Two transfers per host at most: enough to overlap, polite to one publisher's server.
        let limits = ConcurrencyLimits(global: config.concurrency, perHost: min(2, config.concurrency))
        return DaemonPlan(
            feeds: config.feeds.map { ScheduledFeed(id: $0.name, url: $0.url, interval: $0.interval) },
            // Feeds due within 1% of their interval (at most a second) of each other start on one timer.
            policy: SchedulePolicy(defaultInterval: config.interval, batchWait: 0.01), limits: limits,
            statusFile: statusFile(inStateDirectory: URL(fileURLWithPath: config.stateDir)),
            webhook: config.webhook,
            notifiers: config.notifiers.map { NotifierRunner.make($0, store: store, logger: logger) },
            poll: { scheduled in
                guard let feed = feeds[scheduled.id] else {
                    return .failure(kind: "config", message: "feed \"\(scheduled.id)\" is not in the config")
                }
                do {
                    return PollOutcome(try await cycle.poll(feed))
                } catch {
                    logger.error("feed \"\(feed.name)\": the knowledge store or alert log failed: \(error)")
                    return .failure(kind: "store", message: "knowledge store or alert log: \(error)")
                }
            })
    }
}

extension PollOutcome {
    /// What the scheduler needs from a cycle's poll of one feed.
    package init(_ outcome: FeedOutcome) {
        let maxAge = outcome.maxAge
        if let error = outcome.error {
            self = .failure(kind: "feed", message: error, retryAfter: outcome.retryAfter)
        } else if outcome.notModified {
            self = .notModified(maxAge: maxAge)
        } else {
            self = .success(maxAge: maxAge, ttl: outcome.ttlMinutes.map { TimeInterval($0 * 60) },
                            items: outcome.newItems, alerts: outcome.alerts)
        }
    }
}
