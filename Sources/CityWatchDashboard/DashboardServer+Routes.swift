import Foundation
import HTTPTypes
import Hummingbird
import Prometheus
import CityWatchSupport
import CityWatchKnowledge
import CityWatchAlerts

extension DashboardServer {
    static let html = "text/html; charset=utf-8"
    static let json = "application/json; charset=utf-8"

    /// The endpoints; each reads a fresh snapshot, so the pages agree with `citywatch status` and `alerts`.
    func addRoutes(to router: Router<BasicRequestContext>) {
        // The store's reads and the alert log's file reads block: they run on the blocking executor's threads, off
        // the task pool the scheduler and the watchdog ping need.
        router.get("/") { request, _ -> Response in
            let source = self.currentSource
            let query = DashboardQuery(parameters: DashboardQuery.pairs(request.uri.query), now: source.clock())
            let page = try await BlockingExecutor.shared.run { DashboardPage.render(try source.snapshot(query)) }
            return Self.response(.ok, Self.html, page)
        }
        router.get("/city/:name") { request, _ -> Response in
            let raw = String(request.uri.path.dropFirst("/city/".count))
            let name = raw.removingPercentEncoding ?? raw
            let source = self.currentSource
            let (known, page) = try await BlockingExecutor.shared.run { () throws -> (Bool, String) in
                let snapshot = try source.city(name)
                return (snapshot.city != nil, CityPage.render(snapshot))
            }
            return Self.response(known ? .ok : .notFound, Self.html, page)
        }
        router.get("/alerts.json") { request, _ -> Response in
            switch Self.alertQuery(request) {
            case .failure(let error):
                return Self.response(.badRequest, Self.json, JSONWriter.text { w in
                    w.open(); w.key("error"); w.string(error.message); w.close(); w.newline()
                })
            case .success(let query):
                // Log order, as in the JSONL file.
                let source = self.currentSource
                let lines = try await BlockingExecutor.shared.run { try source.alerts(query).reversed().map(\.line) }
                return Self.response(.ok, Self.json, "[" + lines.joined(separator: ",\n") + "]\n")
            }
        }
        router.get("/alerts.atom") { request, _ -> Response in
            let source = self.currentSource
            var selfURL: String?
            if let host = request.head.authority, !host.contains("/"), !host.contains("\"") {
                selfURL = "http://\(host)/alerts.atom"
            }
            let url = selfURL
            let body = try await BlockingExecutor.shared.run {
                let alerts = try source.alerts(DashboardQuery(), limit: AtomFeed.entryLimit).alerts
                return AtomFeed(selfURL: url, alerts: alerts, emptyUpdated: source.clock()).render()
            }
            return Self.response(.ok, "application/atom+xml; charset=utf-8", body)
        }
        router.get("/metrics") { _, _ -> Response in
            let source = self.currentSource
            let heartbeat = self.health.heartbeat(), registry = self.registry
            let text = await BlockingExecutor.shared.run {
                let feeds = (try? source.feeds()) ?? []
                CityWatchMetrics.updateGauges(store: source.store, feeds: feeds, webhook: source.config.webhook != nil,
                                              heartbeat: heartbeat, factory: PrometheusMetricsFactory(registry: registry))
                return registry.emitToString()
            }
            return Self.response(.ok, "text/plain; version=0.0.4; charset=utf-8", text)
        }
        router.get("/healthz") { _, _ -> Response in
            let report = self.health.report()
            return Self.response(report.healthy ? .ok : .serviceUnavailable, Self.json, report.json + "\n")
        }
    }

    /// `/alerts.json`'s filters: `since` (duration or ISO 8601), `kind`, `city`; a value that cannot be read is a 400.
    static func alertQuery(_ request: Request) -> Result<DashboardQuery, QueryError> {
        var query = DashboardQuery()
        for (name, value) in DashboardQuery.pairs(request.uri.query) where !value.isEmpty {
            switch name {
            case "since":
                guard AlertLog.cutoff(value) != nil else {
                    return .failure(QueryError("since: \"\(value)\" is neither a duration (15m, 2h, 7d) nor an ISO 8601 time"))
                }
                query.setSince(value, now: Date())
            case "kind":
                guard let kind = Alert.Kind(rawValue: value) else {
                    return .failure(QueryError("kind: \"\(value)\" is not new_city, new_figure or changed_figure"))
                }
                query.kind = kind
            case "city": query.city = value
            default: continue
            }
        }
        return .success(query)
    }

    /// A query parameter that cannot be read.
    struct QueryError: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}
