import Foundation
import Logging
import Synchronization
import CityWatchSupport
import CityWatchAlerts

/// The long-running daemon: schedules every feed, reloads on SIGHUP, reports to systemd, stops on request.
///
/// It holds what its loops share; each loop runs as its own `Service` (see `services` and
/// `Daemon.run(plan:reload:logger:)`): SIGTERM/SIGINT trigger a graceful shutdown that sends STOPPING=1,
/// cancels the polls in flight and then writes the status file.
package final class Daemon: Sendable {
    /// Re-reads the config and builds a new plan; throws (with a message a person can act on) when it is invalid.
    package typealias Reload = @Sendable () async throws -> DaemonPlan

    let scheduler: Scheduler
    let notify: SdNotify
    let logger: Logger
    let clock: any DaemonClock
    private let reloadPlan: Reload
    /// The plan, the totals and the notifiers' wake signals, shared with the scheduler's closures.
    let shared: Shared
    private let changed: WakeSignal
    /// Delivers alerts to the webhook, woken by polls that raised alerts; nil without an outbox.
    let webhook: WebhookSink?
    let alertsRaised: WakeSignal
    /// The signal that restarts the notifiers.
    let notifiersChanged = WakeSignal()
    /// Periodic upkeep (pruning old seen-item keys) so the store does not grow without bound.
    let housekeeping: (@Sendable () async -> Void)?
    /// Writes what the store keeps in memory (quiet polls' times), with each status write and at shutdown.
    let flushStore: (@Sendable () -> Void)?
    /// The least time between two status writes: a burst of polls costs one write, not hundreds.
    let statusInterval: Duration
    /// Beaten while the scheduler answers (for `/healthz`).
    package let heartbeat: SchedulerHeartbeat

    /// Items seen and alerts raised by one feed, kept across restarts through the status file.
    struct FeedTotals: Sendable {
        var items = 0
        var alerts = 0
    }

    /// What the daemon and the scheduler's closures share (a `Mutex` is not copyable: one class holds them).
    final class Shared: Sendable {
        /// The plan of the moment; a reload swaps it.
        let plan: Mutex<DaemonPlan>
        let totals: Mutex<[String: FeedTotals]>
        /// One wake signal per running notifier (signalled with `alertsRaised`).
        let notifierWakes = Mutex<[WakeSignal]>([])

        init(plan: DaemonPlan, totals: [String: FeedTotals]) {
            self.plan = Mutex(plan)
            self.totals = Mutex(totals)
        }
    }

    /// A daemon for `plan` (store already open); `reload` is called on each SIGHUP.
    /// `outbox` feeds the webhook sink (when the plan names a webhook); the token comes from the environment.
    package init(plan initial: DaemonPlan, reload: @escaping Reload, notify: SdNotify = SdNotify(),
                logger: Logger = Logger(label: "citywatch"), clock: any DaemonClock = SystemClock(),
                outbox: (any WebhookOutbox)? = nil, webhookToken: String? = WebhookSink.token(),
                housekeeping: (@Sendable () async -> Void)? = nil, statusInterval: Duration = .seconds(2),
                heartbeat: SchedulerHeartbeat = SchedulerHeartbeat(), flushStore: (@Sendable () -> Void)? = nil) {
        let saved = Self.readStatus(initial.statusFile, logger: logger)
        let shared = Shared(plan: initial,
                            totals: Dictionary(saved.map { ($0.name, FeedTotals(items: $0.itemsSeen, alerts: $0.alertsRaised)) },
                                               uniquingKeysWith: { first, _ in first }))
        let changed = WakeSignal()
        let alertsRaised = WakeSignal()
        // Alerts left in the outbox by an earlier run go out at start.
        alertsRaised.signal()
        // A saved schedule applies only to the same feed at the same URL.
        let urls = Dictionary(initial.feeds.map { ($0.id, $0.url) }, uniquingKeysWith: { first, _ in first })
        let schedules = Dictionary(saved.compactMap { record in
            urls[record.name] == record.url ? record.schedule.map { (record.name, $0) } : nil
        }, uniquingKeysWith: { first, _ in first })
        self.scheduler = Scheduler(
            feeds: initial.feeds, policy: initial.policy, limits: initial.limits, clock: clock, saved: schedules,
            poll: { feed in
                // The plan of the moment: a reload swaps it, and the next poll uses the new watch lists.
                let poll = shared.plan.withLock { $0.poll }
                return await poll(feed)
            },
            observer: { event in
                Self.observe(event, totals: shared.totals, logger: logger)
                changed.signal()
                if case .success(_, _, _, let alerts) = event.outcome, alerts > 0 {
                    alertsRaised.signal()
                    for wake in shared.notifierWakes.withLock({ $0 }) { wake.signal() }
                }
            })
        self.shared = shared
        self.changed = changed
        self.alertsRaised = alertsRaised
        self.housekeeping = housekeeping
        self.flushStore = flushStore
        self.webhook = outbox.map { outbox in
            WebhookSink(outbox: outbox, url: { shared.plan.withLock { $0.webhook } }, token: webhookToken, clock: clock,
                        logger: logger)
        }
        self.reloadPlan = reload
        self.notify = notify
        self.logger = logger
        self.clock = clock
        self.statusInterval = statusInterval
        self.heartbeat = heartbeat
    }

    /// SIGHUP: a valid new config replaces the old one; an invalid one is logged and the old one keeps running.
    func reload() async {
        notify.reloading()
        logger.info("reloading the config")
        do {
            let next = try await reloadPlan()
            let old = shared.plan.withLock { plan -> DaemonPlan in
                defer { plan = next }
                return plan
            }
            if old.notifiers.map(\.entry) != next.notifiers.map(\.entry) {
                logger.notice("notifiers changed: \(next.notifiers.count) configured, restarting them")
                notifiersChanged.signal()
            }
            await scheduler.update(feeds: next.feeds, policy: next.policy, limits: next.limits)
            let before = Set(old.feeds.map(\.id))
            let after = Set(next.feeds.map(\.id))
            shared.totals.withLock { totals in totals = totals.filter { after.contains($0.key) } }
            let changed = next.feeds.filter { feed in old.feeds.contains { $0.id == feed.id && $0 != feed } }.count
            logger.notice("""
                config reloaded: \(after.count) feeds (\(after.subtracting(before).count) added, \
                \(before.subtracting(after).count) removed, \(changed) changed)
                """)
            self.changed.signal()
            // A webhook added by the reload gets the queued alerts.
            alertsRaised.signal()
        } catch {
            let message = "\(error)".split(separator: "\n").joined(separator: "; ")
            logger.error("config reload failed, still running the previous config: \(message)")
        }
        notify.ready(status: await summary())
    }

    /// Runs the plan's notifiers until cancelled, restarting them when a reload changed them.
    func runNotifiers() async {
        while !Task.isCancelled {
            let runners = shared.plan.withLock { $0.notifiers }
            let wakes = runners.map { _ in WakeSignal() }
            shared.notifierWakes.withLock { $0 = wakes }
            await withTaskGroup(of: Void.self) { group in
                for (runner, wake) in zip(runners, wakes) {
                    group.addTask { [clock] in await runner.run(wake: wake, clock: clock) }
                }
                group.addTask { await self.notifiersChanged.wait() }
                await group.next()
                group.cancelAll()
            }
        }
    }

    /// The status file of the running plan.
    func currentStatusFile() -> URL? { shared.plan.withLock { $0.statusFile } }

    /// Keeps the status file and the sd_notify STATUS line current, at most once per `statusInterval`.
    func publishStatus() async {
        var lastLine = ""
        while !Task.isCancelled {
            await changed.wait()
            guard !Task.isCancelled else { break }
            await writeStatus()
            let line = await summary()
            if line != lastLine {
                notify.status(line)
                lastLine = line
            }
            // The file lists every feed: with many feeds it is rewritten less often (10 ms per feed, 10 s for 1,000).
            let feeds = shared.plan.withLock { $0.feeds.count }
            try? await Task.sleep(for: max(statusInterval, .milliseconds(10 * feeds)))
        }
    }
}
