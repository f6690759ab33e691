import Foundation
import Logging
import Synchronization
import CityWatchSupport

extension Daemon {
    /// One line for `systemctl status`: feeds ok/failing/pending and alerts raised.
    package func summary() async -> String {
        let states = await scheduler.states()
        let ok = states.filter(\.isHealthy).count
        let failing = states.filter(\.isFailing).count
        let pending = states.count - ok - failing
        let alerts = shared.totals.withLock { totals in states.reduce(0) { $0 + (totals[$1.feed.id]?.alerts ?? 0) } }
        var line = "\(states.count) feeds: \(ok) ok, \(failing) failing"
        if pending > 0 { line += ", \(pending) pending" }
        line += "; \(alerts) alert\(alerts == 1 ? "" : "s") raised"
        return line
    }

    /// The status records of every configured feed, in config order.
    package func statusRecords() async -> [FeedStatusRecord] {
        let states = await scheduler.states()
        return shared.totals.withLock { totals in
            states.map { state in
                let total = totals[state.feed.id] ?? FeedTotals()
                return FeedStatusRecord(name: state.feed.id, url: state.feed.url, schedule: state.schedule,
                                        itemsSeen: total.items, alertsRaised: total.alerts)
            }
        }
    }

    /// Writes the status file (when the plan names one); a failure is logged, never fatal.
    func writeStatus() async {
        flushStore?()
        guard let url = currentStatusFile() else { return }
        let file = FeedStatusFile(written: clock.now, feeds: await statusRecords())
        do {
            try file.write(to: url)
        } catch {
            logger.warning("could not write the status file \(url.path): \(error.localizedDescription)")
        }
    }

    /// Logs a poll's report (once per outage and once per recovery) and counts its items and alerts.
    static func observe(_ event: Scheduler.PollEvent, totals: borrowing Mutex<[String: FeedTotals]>, logger: Logger) {
        CityWatchMetrics.record(event)
        if case .success(_, _, let items, let alerts) = event.outcome, items > 0 || alerts > 0 {
            totals.withLock { totals in
                totals[event.feed.id, default: FeedTotals()].items += items
                totals[event.feed.id, default: FeedTotals()].alerts += alerts
            }
        }
        let next = UTCTime.string(event.schedule.nextPoll)
        switch event.report {
        case .failing(let failure):
            logger.warning("feed \"\(event.feed.id)\" is failing: \(failure.message) (\(event.feed.url)); retrying at \(next), reported again when it recovers")
        case .recovered(let failures):
            logger.notice("feed \"\(event.feed.id)\" recovered after \(failures) failed poll\(failures == 1 ? "" : "s")")
        case nil:
            logger.debug("polled \"\(event.feed.id)\"; next poll at \(next)")
        }
    }

    /// The records saved by the previous run, or none.
    static func readStatus(_ url: URL?, logger: Logger) -> [FeedStatusRecord] {
        guard let url else { return [] }
        do {
            return try FeedStatusFile.read(from: url)?.feeds ?? []
        } catch {
            logger.warning("ignoring an unreadable status file \(url.path): \(error.localizedDescription)")
            return []
        }
    }
}
