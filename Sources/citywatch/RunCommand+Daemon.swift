import ArgumentParser
import CityWatchCore
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

extension RunCommand {
    /// `run` without `--once`: the daemon (scheduler, SIGHUP reload, sd_notify), until SIGTERM or SIGINT.
    func runDaemon(config: Config, store: KnowledgeStore) async throws {
        Self.limitMallocArenas()
        JournalLogHandler.bootstrap()
        let logger = Logger(label: "citywatch")
        let pipeline = Pipeline.live(keywords: config.keywords)
        let startup = Cycle(config: config, store: store, pipeline: pipeline)
        do {
            try startup.delivery.log.checkWritable()
            // Alerts committed before a crash or stop go out first.
            try startup.delivery.deliverPending()
            let seeds = try startup.importSeedsIfNeeded()
            if seeds > 0 { logger.info("imported \(seeds) seed documents as known knowledge (no alerts)") }
        } catch {
            logger.error("cannot start: \(error)")
            throw ExitCode(1)
        }
        let plan = DaemonPlan.make(config: config, store: store, pipeline: pipeline, logger: logger)
        let heartbeat = SchedulerHeartbeat()
        let dashboard = DashboardServer.make(config: config, store: store, heartbeat: heartbeat, logger: logger)
        try await Daemon.run(plan: plan, reload: {
            let next = try Config.load(path: config.file)
            var nextPlan = DaemonPlan.make(config: next, store: store, pipeline: .live(keywords: next.keywords),
                                           logger: logger)
            if next.stateDir != config.stateDir {
                // The open store stays where it is; moving it needs a restart.
                logger.warning("state_dir changed to \(next.stateDir): takes effect at the next restart")
                nextPlan.statusFile = plan.statusFile
            }
            if next.httpListen != config.httpListen {
                logger.warning("[http] listen changed: takes effect at the next restart")
            }
            dashboard?.update(config: next)
            return nextPlan
        }, logger: logger, store: store, heartbeat: heartbeat, services: dashboard.map { [$0] } ?? [])
    }

    /// A long-running process whose threads all allocate a little: two malloc arenas rather than glibc's eight per
    /// core keep its heap small and flat (as MALLOC_ARENA_MAX=2 would). `mallopt` is looked up at run time, since
    /// `<malloc.h>` is not in the Glibc module; M_ARENA_MAX is -8 there.
    static func limitMallocArenas() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(-8, 2)
        #endif
    }
}
