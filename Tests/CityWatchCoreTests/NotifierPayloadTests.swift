import Foundation
import Testing
@testable import CityWatchFetching
@testable import CityWatchConfig
@testable import CityWatchNotify
import CityWatchTestSupport

/// Each service's request, as a real HTTP receiver on loopback gets it.
@Suite(.serialized) struct NotifierPayloadTests {
    let alert = NotifyBench.alert("Chicago, IL", kind: .newFigure, value: 180, watched: true,
                                  evidence: "ICE assigned 180 <agents> & more to Chicago.")

    func receive(_ service: Config.Notify.Service, secret: String? = nil, status: Int = 200, reply: String = "ok",
                 configure: (inout Config.Notify) -> Void = { _ in },
                 base: (TestHTTPServer) -> String? = { $0.base + "/hook" }) async throws -> (ServedRequest, NotifyReply) {
        let server = try TestHTTPServer { _, connection in connection.respond(status, text: reply) }
        defer { server.stop() }
        var entry = notifyEntry(service, url: base(server))
        configure(&entry)
        let resolvedSecret = secret.map { $0.replacingOccurrences(of: "BASE", with: server.base) }
        let notifier = HTTPNotifier(entry: entry, secret: resolvedSecret, fetcher: Fetcher())
        let reply = try await notifier.send(NotifyMessage(alert: alert, seq: 7, line: alert.jsonLine))
        let request = try #require(server.requests.first)
        return (request, reply)
    }

    @Test func slackGetsTextWithMarkupEscaped() async throws {
        let (request, reply) = try await receive(.slack, secret: "BASE/services/T000/B000/XXXX", base: { _ in nil })
        #expect(request.method == "POST" && request.path == "/services/T000/B000/XXXX")
        #expect(request.headers["content-type"]?.hasPrefix("application/json") == true)
        let body = jsonObject(request.body)
        #expect(Set(body.keys) == ["text"])
        let text = try #require(body["text"] as? String)
        #expect(text.contains("Chicago, IL: ice personnel assigned 180"))
        #expect(text.contains("&lt;agents&gt; &amp; more"))
        #expect(text.contains("https://news.example/ChicagoIL/180"))
        #expect(reply == NotifyReply(status: 200, firstLine: "ok"))
    }

    @Test func discordContentIsCappedAndMentionsOff() async throws {
        let server = try TestHTTPServer { _, connection in connection.respond(204, text: "") }
        defer { server.stop() }
        let many = (0..<80).map { (seq: Int64($0 + 1), alert: NotifyBench.alert("City\($0), TX", evidence: String(repeating: "@everyone evidence ", count: 5)), line: "{}") }
        let notifier = HTTPNotifier(entry: notifyEntry(.discord), secret: server.base + "/api/webhooks/1/abc", fetcher: Fetcher())
        _ = try await notifier.send(NotifyMessage(digest: many, schedule: "hourly"))
        let body = jsonObject(try #require(server.requests.first).body)
        let content = try #require(body["content"] as? String)
        #expect(content.count <= 2000)
        #expect(content.hasPrefix("citywatch hourly digest: 80 alerts in 80 cities"))
        #expect((body["allowed_mentions"] as? [String: Any])?["parse"] as? [Any] != nil)
        #expect(((body["allowed_mentions"] as? [String: Any])?["parse"] as? [Any])?.isEmpty == true)
    }

    @Test func matrixPutsWithAStableTransactionIdAndBearer() async throws {
        let (request, _) = try await receive(.matrix, secret: "syt_token", reply: "{\"event_id\":\"$abc\"}", configure: {
            $0.room = "!room:example.org"
        }, base: { _ in nil }, homeserver: true)
        #expect(request.method == "PUT")
        #expect(request.path == "/_matrix/client/v3/rooms/%21room%3Aexample.org/send/m.room.message/citywatch-alert-\(alert.id)-7")
        #expect(request.headers["authorization"] == "Bearer syt_token")
        let body = jsonObject(request.body)
        #expect(body["msgtype"] as? String == "m.text")
        #expect((body["body"] as? String)?.contains("ICE assigned 180 <agents> & more") == true)
    }

    @Test func ntfyPostsTextWithTitlePriorityAndTags() async throws {
        let (request, _) = try await receive(.ntfy, configure: { $0.priority = "high"; $0.tags = ["warning", "city"] },
                                             base: { $0.base + "/citywatch-alerts" })
        #expect(request.method == "POST" && request.path == "/citywatch-alerts")
        #expect(request.headers["title"] == "citywatch: New figure, Chicago, IL: ice personnel assigned 180 [watched]")
        #expect(request.headers["priority"] == "high")
        #expect(request.headers["tags"] == "warning,city")
        #expect(request.headers["click"] == "https://news.example/ChicagoIL/180")
        #expect(String(decoding: request.body, as: UTF8.self).contains("“ICE assigned 180 <agents> & more to Chicago.”"))
    }

    @Test func telegramSendsChatIdAndText() async throws {
        let (request, reply) = try await receive(.telegram, secret: "123456:ABC-def", reply: "{\"ok\":true,\"result\":{}}",
                                                 configure: { $0.chatID = "-100123" }, base: { _ in nil }, apiURL: true)
        #expect(request.method == "POST" && request.path == "/bot123456:ABC-def/sendMessage")
        let body = jsonObject(request.body)
        #expect((body["chat_id"] as? NSNumber)?.int64Value == -100123)
        #expect((body["text"] as? String)?.contains("Chicago, IL") == true)
        #expect(reply.firstLine == "{\"ok\":true,\"result\":{}}")
    }

    @Test func webhookBodyIsTheAlertLogLineUnchanged() async throws {
        let (request, _) = try await receive(.webhook, secret: "tok")
        #expect(request.body == Data(alert.jsonLine.utf8))
        #expect(request.headers["x-citywatch-alert-id"] == alert.id)
        #expect(request.headers["authorization"] == "Bearer tok")
        #expect(request.headers["content-type"] == "application/json")
    }

    @Test func aRefusalCarriesStatusAndTheServersFirstLine() async throws {
        do {
            _ = try await receive(.webhook, status: 404, reply: "no_such_hook\nmore")
            Issue.record("expected a failure")
        } catch let error as FetchError {
            #expect(error.status == 404)
            #expect(error.reply == "no_such_hook")
        }
    }
}

extension NotifierPayloadTests {
    /// Variants whose base URL goes in `homeserver` or `api_url` rather than `url`.
    func receive(_ service: Config.Notify.Service, secret: String? = nil, reply: String = "ok",
                 configure: @escaping (inout Config.Notify) -> Void, base: @escaping (TestHTTPServer) -> String?,
                 homeserver: Bool = false, apiURL: Bool = false) async throws -> (ServedRequest, NotifyReply) {
        let server = try TestHTTPServer { _, connection in connection.respond(200, text: reply) }
        defer { server.stop() }
        var entry = notifyEntry(service, url: base(server))
        configure(&entry)
        if homeserver { entry.homeserver = server.base + "/" }
        if apiURL { entry.apiURL = server.base }
        let notifier = HTTPNotifier(entry: entry, secret: secret, fetcher: Fetcher())
        let answer = try await notifier.send(NotifyMessage(alert: alert, seq: 7, line: alert.jsonLine))
        return (try #require(server.requests.first), answer)
    }
}
