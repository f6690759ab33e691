import Foundation
import Prometheus
import Testing
@testable import CityWatchSupport
@testable import CityWatchKnowledge
@testable import CityWatchConfig
@testable import CityWatchAlerts
@testable import CityWatchDaemon
@testable import CityWatchDashboard
import CityWatchTestSupport

/// A knowledge store and alert log filled with a few articles, one of them hostile.
struct DashboardFixture {
    let folder: String
    let config: Config
    let store: KnowledgeStore

    static let hostileTitle = "<script>alert(\"x\")</script> O'Hare \u{1B}[31mred\u{07} \u{202E}gnp.exe"

    init(_ name: String = #function) async throws {
        folder = temporaryFolder(name)
        config = Config(file: folder + "/citywatch.toml", stateDir: folder + "/state", alertLog: folder + "/state/alerts.jsonl",
                        watchedCities: ["Chicago, IL"],
                        feeds: [Config.Feed(name: "wire", url: "https://example.org/rss")])
        store = try KnowledgeStore(stateDir: config.stateDir)
        let delivery = AlertDelivery(store: store, log: AlertLog(path: config.alertLog), echo: { _ in })
        try store.ingest(article("Chicago first", url: "https://example.org/chicago"),
                         facts: madeFacts("Chicago first", cities: ["Chicago, IL"],
                                          figures: [figure("Chicago, IL", "ice personnel assigned", 180)]), policy: DiffPolicy())
        try store.ingest(article("Chicago later", feed: "other", source: "Other News", url: "https://other.example/c"),
                         facts: madeFacts("Chicago later", cities: ["Chicago, IL"],
                                          figures: [figure("Chicago, IL", "ice personnel assigned", 250)]), policy: DiffPolicy())
        var hostile = madeFacts(Self.hostileTitle, cities: ["Anchorage, AK"])
        hostile.cities[0].evidence = "Evidence <img src=x onerror=alert(1)> & \"quotes\" \u{0}\u{1B}"
        try store.ingest(article(Self.hostileTitle, url: "javascript:alert(1)"), facts: hostile, policy: DiffPolicy())
        try delivery.deliverPending()
        try await store.registerFeed(name: "wire", url: "https://example.org/rss")
        _ = try await store.recordFeedFailure(name: "wire", error: "http 503 <b>down</b>")
    }

    var source: DashboardSource { DashboardSource(config: config, store: store) }
}

/// Runs a dashboard server on an OS-chosen loopback port for the length of `body`.
func withDashboard(_ fixture: DashboardFixture, health: HealthCheck? = nil,
                   _ body: @Sendable (Int) async throws -> Void) async throws {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let check = health ?? HealthCheck(heartbeat: { Date() }, storeProblem: { HealthCheck.storeProblem(fixture.store) })
    let server = DashboardServer(address: ListenAddress(host: "127.0.0.1", port: 0), source: fixture.source, health: check,
                                 registry: PrometheusCollectorRegistry(), onListening: { continuation.yield($0) })
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { Issue.record("the server did not start"); return }
        try await body(port)
        group.cancelAll()
    }
}

@Suite(.serialized) struct DashboardServerTests {
    @Test func everyEndpointAnswersWithItsTypeAndContent() async throws {
        let fixture = try await DashboardFixture()
        try await withDashboard(fixture) { port in
            let index = try HTTPTestClient.request(port: port, "GET", "/")
            #expect(index.status == 200)
            #expect(index.headers["content-type"] == "text/html; charset=utf-8")
            #expect(index.headers["content-security-policy"]?.hasPrefix("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:") == true)
            #expect(index.body.contains("<svg class=\"map\""))
            #expect(index.body.contains("href=\"/city/Chicago%2C%20IL\""))
            #expect(index.body.contains("https://example.org/chicago"))
            #expect(!index.body.contains("<script"))

            let city = try HTTPTestClient.request(port: port, "GET", "/city/Chicago%2C%20IL")
            #expect(city.status == 200)
            #expect(city.body.contains("<svg class=\"spark\""))
            #expect(city.body.contains("ice personnel assigned"))
            #expect(city.body.contains("Other News"))
            #expect(try HTTPTestClient.request(port: port, "GET", "/city/Nowhere%2C%20ZZ").status == 404)

            let json = try HTTPTestClient.request(port: port, "GET", "/alerts.json")
            #expect(json.status == 200)
            #expect(json.headers["content-type"] == "application/json; charset=utf-8")
            let all = try #require(try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [[String: Any]])
            #expect(all.count == 4)   // Chicago new city + figure, its change, Anchorage
            let logLines = try String(contentsOfFile: fixture.config.alertLog, encoding: .utf8).split(separator: "\n")
            #expect(all.map { $0["id"] as? String } == logLines.map { AlertLogLine(bytes: ArraySlice(Array($0.utf8))).string("id") })
            let cities = try HTTPTestClient.request(port: port, "GET", "/alerts.json?kind=new_city&city=Chicago%2C+IL&since=1h")
            let onlyChicago = try #require(try JSONSerialization.jsonObject(with: Data(cities.body.utf8)) as? [[String: Any]])
            #expect(onlyChicago.count == 1 && onlyChicago[0]["city"] as? String == "Chicago, IL")
            #expect(try HTTPTestClient.request(port: port, "GET", "/alerts.json?kind=bogus").status == 400)
            #expect(try HTTPTestClient.request(port: port, "GET", "/alerts.json?since=yesterday-ish").status == 400)

            let atom = try HTTPTestClient.request(port: port, "GET", "/alerts.atom")
            #expect(atom.status == 200)
            #expect(atom.headers["content-type"] == "application/atom+xml; charset=utf-8")
            #expect(atom.body.components(separatedBy: "<entry>").count - 1 == 4)

            let metrics = try HTTPTestClient.request(port: port, "GET", "/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(metrics.body.contains("# TYPE citywatch_polls_total counter"))
            #expect(metrics.body.contains("citywatch_polls_total{feed=\"wire\",result=\"ok\"} 0"))
            #expect(metrics.body.contains("# TYPE citywatch_fetch_duration_seconds histogram"))
            #expect(metrics.body.contains("citywatch_outbox_depth{queue=\"log\"} 0"))
            #expect(metrics.body.contains("citywatch_store_bytes "))

            // The feeds' health is the same report `citywatch status` prints.
            let feeds = try fixture.source.feeds()
            #expect(feeds.map(\.state) == ["failing"])
            #expect(index.body.contains(HTMLEscape.text(FeedHealth.summary(feeds))))
            #expect(index.body.contains("http 503 &lt;b&gt;down&lt;/b&gt;"))
            #expect(metrics.body.contains("citywatch_feeds{state=\"failing\"} 1"))

            let health = try HTTPTestClient.request(port: port, "GET", "/healthz")
            #expect(health.status == 200)
            #expect(health.body.contains("\"status\":\"ok\""))
        }
    }

    @Test func onlyReadsAreAnswered() async throws {
        let fixture = try await DashboardFixture()
        try await withDashboard(fixture) { port in
            for method in ["POST", "PUT", "DELETE", "PATCH"] {
                let reply = try HTTPTestClient.request(port: port, method, "/")
                #expect(reply.status == 405, "\(method)")
                #expect(reply.headers["allow"] == "GET, HEAD")
            }
            let head = try HTTPTestClient.request(port: port, "HEAD", "/alerts.json")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(try HTTPTestClient.request(port: port, "GET", "/nothing-here").status == 404)
        }
    }

    @Test func hostileTitlesAndEvidenceRenderAsText() async throws {
        let fixture = try await DashboardFixture()
        try await withDashboard(fixture) { port in
            for path in ["/", "/city/Anchorage%2C%20AK", "/alerts.atom"] {
                let reply = try HTTPTestClient.request(port: port, "GET", path)
                #expect(reply.status == 200, "\(path)")
                #expect(!reply.body.contains("<script"), "\(path)")
                #expect(!reply.body.contains("<img"), "\(path)")
                #expect(!reply.body.contains("javascript:"), "\(path)")
                #expect(!reply.body.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0 || $0.value == 0x202E }, "\(path)")
                #expect(reply.body.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Hare"), "\(path)")
            }
            let city = try HTTPTestClient.request(port: port, "GET", "/city/Anchorage%2C%20AK")
            #expect(city.body.contains("Evidence &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;"))
        }
    }

    @Test func healthTurns503WhenTheStoreIsReadOnly() async throws {
        let fixture = try await DashboardFixture()
        let database = fixture.store.path
        let folder = (database as NSString).deletingLastPathComponent
        try await withDashboard(fixture) { port in
            #expect(try HTTPTestClient.request(port: port, "GET", "/healthz").status == 200)
            chmod(database, 0o444)
            chmod(folder, 0o555)
            defer { chmod(folder, 0o755); chmod(database, 0o644) }
            let reply = try HTTPTestClient.request(port: port, "GET", "/healthz")
            #expect(reply.status == 503)
            #expect(reply.headers["content-type"] == "application/json; charset=utf-8")
            let body = try #require(try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any])
            #expect(body["status"] as? String == "unhealthy")
            #expect((body["store"] as? [String: Any])?["writable"] as? Bool == false)
            #expect((body["problems"] as? [String])?.first?.contains("read-only") == true)
        }
    }

    @Test func healthTurns503WhenTheSchedulerStopsAnswering() async throws {
        let fixture = try await DashboardFixture()
        let stale = HealthCheck(heartbeat: { Date().addingTimeInterval(-600) }, storeProblem: { nil })
        try await withDashboard(fixture, health: stale) { port in
            let reply = try HTTPTestClient.request(port: port, "GET", "/healthz")
            #expect(reply.status == 503)
            #expect(reply.body.contains("the scheduler has not answered"))
        }
        let never = HealthCheck(heartbeat: { nil }, storeProblem: { nil }).report()
        #expect(!never.healthy && never.problems == ["the scheduler has not started"])
    }
}
