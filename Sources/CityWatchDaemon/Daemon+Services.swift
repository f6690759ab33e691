import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import CityWatchSupport
import CityWatchKnowledge

extension Daemon {
    /// The daemon's loops, each its own service, in the order the ServiceGroup starts them.
    ///
    /// The group stops them in reverse: the SIGHUP reloader first (no reload during shutdown), then the scheduler
    /// (STOPPING=1, the polls in flight cancelled and waited for), then the loops that only report what the
    /// scheduler did: the watchdog and heartbeat, housekeeping, the notifiers and the webhook, and last the status
    /// writer, whose final write sees every poll that finished. `hangups` is the trapped SIGHUP.
    package func services(hangups: UnixSignalsSequence) -> [DaemonLoop] {
        var loops = [DaemonLoop("status", whenEnded: .gracefullyShutdownGroup, stopped: {
            await self.writeStatus()
            self.logger.info("stopped")
        }) { await self.publishStatus() }]
        // Delivery and upkeep can end without the daemon: what they leave waits in the store for the next start.
        if let webhook {
            loops.append(DaemonLoop("webhook") { await webhook.run(wake: self.alertsRaised) })
        }
        loops.append(DaemonLoop("notifiers") { await self.runNotifiers() })
        if let housekeeping {
            loops.append(DaemonLoop("housekeeping") { await self.keepHouse(housekeeping) })
        }
        loops.append(DaemonLoop("heartbeat") { await self.beatHeartbeat() })
        if let interval = notify.watchdogInterval {
            loops.append(DaemonLoop("watchdog", whenEnded: .gracefullyShutdownGroup) {
                await self.pingWatchdog(every: interval)
            })
        }
        let stopping: @Sendable () -> Void = {
            self.notify.stopping()
            self.logger.info("stopping: cancelling polls in flight")
        }
        loops.append(DaemonLoop("scheduler", whenEnded: .gracefullyShutdownGroup, starting: { await self.announce() },
                                stopping: stopping) { await self.scheduler.run() })
        loops.append(DaemonLoop("reload", whenEnded: .gracefullyShutdownGroup) {
            for await _ in hangups { await self.reload() }
        })
        return loops
    }

    /// Logs the start and sends READY=1, as the scheduler starts: SIGTERM and SIGHUP are trapped by then, and a
    /// shutdown requested meanwhile sends STOPPING=1 after it, never before.
    func announce() async {
        let feeds = shared.plan.withLock { $0.feeds.count }
        logger.info("citywatch \(CityWatch.version) running: \(feeds) feed\(feeds == 1 ? "" : "s")")
        notify.ready(status: await summary())
    }

    /// Sends WATCHDOG=1 until cancelled, each time after the scheduler answered (a stuck scheduler stops the pings).
    func pingWatchdog(every interval: Duration) async {
        while !Task.isCancelled {
            await scheduler.ping()
            notify.watchdog()
            try? await Task.sleep(for: interval)
        }
    }

    /// Runs `housekeeping` at start and every 6 hours until cancelled.
    func keepHouse(_ housekeeping: @Sendable () async -> Void) async {
        while !Task.isCancelled {
            await housekeeping()
            try? await clock.sleep(until: clock.now.addingTimeInterval(6 * 3600))
        }
    }

    /// Runs the daemon in a ServiceGroup: SIGTERM and SIGINT stop it gracefully (within 10 s, then cancel).
    /// `services` run beside it in the same group (the HTTP dashboard); `heartbeat` is beaten while the scheduler answers.
    package static func run(plan: DaemonPlan, reload: @escaping Reload, logger: Logger = Logger(label: "citywatch"),
                           notify: SdNotify = SdNotify(), store: KnowledgeStore? = nil,
                           heartbeat: SchedulerHeartbeat = SchedulerHeartbeat(), services: [any Service] = []) async throws {
        // Trapped before the group starts, so a SIGHUP after READY=1 reloads rather than ends the process.
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        let daemon = make(plan: plan, reload: reload, logger: logger, notify: notify, store: store, heartbeat: heartbeat)
        try await ServiceGroup(configuration: daemon.groupConfiguration(hangups: hangups, services: services)).run()
    }

    /// A daemon whose housekeeping and status writes go to `store` (when given; tests run without).
    static func make(plan: DaemonPlan, reload: @escaping Reload, logger: Logger, notify: SdNotify,
                     store: KnowledgeStore?, heartbeat: SchedulerHeartbeat) -> Daemon {
        // Seen-item keys older than half a year are forgotten: feeds do not keep items that long, and the
        // stable alert ids keep a re-seen item from alerting twice.
        let prune: (@Sendable () async -> Void)? = store.map { store in
            { @Sendable in
                do { try await BlockingExecutor.shared.run { try store.pruneSeenItems(olderThan: 182 * 86_400) } } catch {
                    logger.warning("could not prune old seen items: \(error)")
                }
            }
        }
        return Daemon(plan: plan, reload: reload, notify: notify, logger: logger, outbox: store,
                      housekeeping: prune, heartbeat: heartbeat,
                      flushStore: store.map { store in { @Sendable in
                          do { try store.flushQuietPolls() } catch {
                              logger.warning("could not write the feeds' poll times: \(error)")
                          }
                      } })
    }

    /// The group `run` runs: the daemon's loops, then `services`, which therefore stop before the loops do.
    /// An extra service that ends or fails stops the daemon gracefully, so the status is still written.
    func groupConfiguration(hangups: UnixSignalsSequence, services: [any Service]) -> ServiceGroupConfiguration {
        let extra = services.map {
            ServiceGroupConfiguration.ServiceConfiguration(service: $0, successTerminationBehavior: .gracefullyShutdownGroup,
                                                           failureTerminationBehavior: .gracefullyShutdownGroup)
        }
        var configuration = ServiceGroupConfiguration(services: self.services(hangups: hangups).map(\.configuration) + extra,
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(10)
        return configuration
    }
}
