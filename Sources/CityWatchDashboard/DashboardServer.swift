import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Metrics
import NIOCore
import Prometheus
import ServiceLifecycle
import Synchronization
import CityWatchSupport
import CityWatchKnowledge
import CityWatchConfig
import CityWatchDaemon

/// The read-only HTTP server (`[http] listen`): the dashboard, `/alerts.json`, `/alerts.atom`, `/metrics` and
/// `/healthz`, served by Hummingbird as one more `Service` in the daemon's ServiceGroup.
///
/// Only GET and HEAD are answered (anything else gets 405): nothing here can change the knowledge.
package final class DashboardServer: Service, Sendable {
    package let address: ListenAddress
    let source: Mutex<DashboardSource>
    let health: HealthCheck
    let registry: PrometheusCollectorRegistry
    let logger: Logger
    let onListening: @Sendable (Int) async -> Void

    /// A server for `address`; `registry` holds the metrics the daemon records (its swift-metrics factory's),
    /// `onListening` gets the bound port (the OS's choice for port 0).
    package init(address: ListenAddress, source: DashboardSource, health: HealthCheck,
                registry: PrometheusCollectorRegistry, logger: Logger = Logger(label: "citywatch.http"),
                onListening: @escaping @Sendable (Int) async -> Void = { _ in }) {
        self.address = address
        self.source = Mutex(source)
        self.health = health
        self.registry = registry
        self.logger = logger
        self.onListening = onListening
        CityWatchMetrics.prime(feeds: source.config.feeds.map(\.name), factory: PrometheusMetricsFactory(registry: registry))
    }

    /// A reloaded config: the watched cities and the feeds shown change with it (the address does not).
    package func update(config: Config) {
        source.withLock { $0.config = config }
        CityWatchMetrics.prime(feeds: config.feeds.map(\.name), factory: PrometheusMetricsFactory(registry: registry))
    }

    /// Serves until graceful shutdown or cancellation.
    package func run() async throws {
        // HEAD routes come from the GET ones; the middleware also wraps the not-found responder, so it sees
        // every request, matched or not.
        let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: ReadOnlyMiddleware())
        addRoutes(to: router)
        let onListening = self.onListening
        let logger = self.logger
        let address = self.address
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port),
                                                    serverName: "citywatch"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? address.port
                logger.info("dashboard on http://\(ListenAddress(host: address.host, port: port))/")
                await onListening(port)
            },
            logger: logger)
        try await app.run()
    }

    var currentSource: DashboardSource { source.withLock { $0 } }

    /// A response with a body and the content type; the security headers are added by the middleware.
    static func response(_ status: HTTPResponse.Status, _ contentType: String, _ body: String,
                         extra: [(HTTPField.Name, String)] = []) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        for (name, value) in extra { headers[name] = value }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}

extension DashboardServer {
    /// The daemon's server for `[http] listen` (nil when the config has none): bootstraps swift-metrics with a
    /// Prometheus registry, and warns in the journal when the address is reachable from other machines.
    package static func make(config: Config, store: KnowledgeStore, heartbeat: SchedulerHeartbeat,
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

/// GET and HEAD only (405 with `Allow` otherwise); HEAD answered without a body; every response
/// gets the Content-Security-Policy and the other protective headers; errors become short text, never internals.
struct ReadOnlyMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        if request.method == .get || request.method == .head {
            do {
                response = try await next(request, context)
            } catch let error as HTTPError {
                response = DashboardServer.response(error.status, "text/plain; charset=utf-8",
                                                    "\(error.status.code) \(error.status.reasonPhrase)\n")
            } catch {
                context.logger.error("dashboard request \(request.uri.path) failed: \(error)")
                response = DashboardServer.response(.internalServerError, "text/plain; charset=utf-8",
                                                    "500 the knowledge store could not be read; see the journal\n")
            }
            if request.method == .head { response.body = ResponseBody() }
        } else {
            response = DashboardServer.response(.methodNotAllowed, "text/plain; charset=utf-8",
                                                "405 read-only: only GET and HEAD\n", extra: [(.allow, "GET, HEAD")])
        }
        response.headers[HTTPField.Name("Content-Security-Policy")!] = DashboardPage.contentSecurityPolicy
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
