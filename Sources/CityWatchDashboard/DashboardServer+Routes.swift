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
        router.get("/") { request, _ -> Response in
            let query = DashboardQuery(parameters: DashboardQuery.pairs(request.uri.query), now: self.currentSource.clock())
            let snapshot = try self.currentSource.snapshot(query)
            return Self.response(.ok, Self.html, DashboardPage.render(snapshot))
        }
        router.get("/city/:name") { request, _ -> Response in
            let raw = String(request.uri.path.dropFirst("/city/".count))
            let name = raw.removingPercentEncoding ?? raw
            let snapshot = try self.currentSource.city(name)
            return Self.response(snapshot.city == nil ? .notFound : .ok, Self.html, CityPage.render(snapshot))
        }
        router.get("/alerts.json") { request, _ -> Response in
            switch Self.alertQuery(request) {
            case .failure(let error):
                return Self.response(.badRequest, Self.json, JSONWriter.text { w in
                    w.open(); w.key("error"); w.string(error.message); w.close(); w.newline()
                })
            case .success(let query):
                // Log order, as in the JSONL file.
                let lines = try self.currentSource.alerts(query).reversed().map(\.line)
                return Self.response(.ok, Self.json, "[" + lines.joined(separator: ",\n") + "]\n")
            }
        }
        router.get("/alerts.atom") { request, _ -> Response in
            let source = self.currentSource
            let alerts = try source.alerts(DashboardQuery(), limit: AtomFeed.entryLimit).alerts
            var selfURL: String?
            if let host = request.head.authority, !host.contains("/"), !host.contains("\"") {
                selfURL = "http://\(host)/alerts.atom"
            }
            let feed = AtomFeed(selfURL: selfURL, alerts: alerts, emptyUpdated: source.clock())
            return Self.response(.ok, "application/atom+xml; charset=utf-8", feed.render())
        }
        router.get("/metrics") { _, _ -> Response in
            let source = self.currentSource
            let feeds = (try? source.feeds()) ?? []
            CityWatchMetrics.updateGauges(store: source.store, feeds: feeds, webhook: source.config.webhook != nil,
                                          heartbeat: self.health.heartbeat(),
                                          factory: PrometheusMetricsFactory(registry: self.registry))
            return Self.response(.ok, "text/plain; version=0.0.4; charset=utf-8", self.registry.emitToString())
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
