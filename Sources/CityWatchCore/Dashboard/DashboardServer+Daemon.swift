import Foundation
import Logging
import Metrics
import Prometheus

extension DashboardServer {
    /// The daemon's server for `[http] listen` (nil when the config has none): bootstraps swift-metrics with a
    /// Prometheus registry, and warns in the journal when the address is reachable from other machines.
    public static func make(config: Config, store: KnowledgeStore, heartbeat: SchedulerHeartbeat,
                            logger: Logger) -> DashboardServer? {
        guard let listen = config.httpListen else { return nil }
        if !listen.isLoopback {
            logger.warning("[http] listen = \"\(listen)\" is not a loopback address: the dashboard and metrics are reachable from the network, without authentication")
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return DashboardServer(address: listen, source: DashboardSource(config: config, store: store),
                               health: .live(heartbeat: heartbeat, store: store), registry: registry,
                               logger: logger)
    }
}
