import Foundation
import CityWatchFetching
import CityWatchKnowledge
import CityWatchConfig

/// The services reached by one HTTP request per message: Slack and Discord incoming webhooks, Matrix, ntfy,
/// Telegram and the plain JSON webhook.
package struct HTTPNotifier: Notifier {
    package typealias Send = @Sendable (FetchRequest) async throws -> FetchResponse

    package let entry: Config.Notify
    /// The webhook URL (Slack, Discord), the access or bot token (Matrix, Telegram, ntfy, webhook).
    let secret: String?
    let sendRequest: Send

    package init(entry: Config.Notify, secret: String?, fetcher: Fetcher = Fetcher()) {
        self.init(entry: entry, secret: secret, send: { request in try await fetcher.fetch(request) })
    }

    package init(entry: Config.Notify, secret: String?, send: @escaping Send) {
        self.entry = entry
        self.secret = secret
        self.sendRequest = send
    }

    package var name: String { entry.name }

    /// Matrix de-duplicates by transaction id: resending after a crash cannot post twice.
    package var idempotentRetries: Bool { entry.service == .matrix }

    package func send(_ message: NotifyMessage) async throws -> NotifyReply {
        var requests: [FetchRequest] = []
        if entry.service == .webhook {
            // Today's webhook body: the alert's log line, one POST per alert.
            requests = zip(message.lines, message.alerts).map { webhookRequest(line: $0, alertID: $1.id) }
        } else {
            requests = [try request(for: message)]
        }
        var reply = NotifyReply(status: 0, firstLine: "")
        for request in requests {
            do {
                let response = try await sendRequest(request)
                reply = NotifyReply(status: response.status, firstLine: NotifyReply.firstLine(of: response.body))
            } catch var error as FetchError {
                // Telegram and Discord also say how long to wait in the JSON body ("retry_after").
                if error.status == 429, error.retryAfter == nil, let wait = Self.retryAfter(inBody: error.reply) {
                    error.retryAfter = wait
                }
                throw error
            }
        }
        return reply
    }

    /// `"retry_after": 12` (or 1.5) in a JSON error body, in seconds.
    static func retryAfter(inBody body: String?) -> TimeInterval? {
        guard let body, let range = body.range(of: #""retry_after"\s*:\s*[0-9.]+"#, options: .regularExpression) else { return nil }
        let number = body[range].split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? ""
        return TimeInterval(number).map { $0.rounded(.up) }
    }

    /// The request that carries `message` to this service.
    func request(for message: NotifyMessage) throws -> FetchRequest {
        switch entry.service {
        case .slack:
            return post(try secretURL(), json: Payload.slack(message))
        case .discord:
            return post(try secretURL(), json: Payload.discord(message))
        case .matrix:
            let base = (entry.homeserver ?? "").trimmingSuffix("/")
            let room = Self.pathComponent(entry.room ?? "")
            let txn = Self.pathComponent("citywatch-" + message.key)
            var request = post("\(base)/_matrix/client/v3/rooms/\(room)/send/m.room.message/\(txn)", json: Payload.matrix(message))
            request.method = "PUT"
            request.headers["Authorization"] = "Bearer \(secret ?? "")"
            return request
        case .ntfy:
            var request = FetchRequest(url: entry.url ?? "", method: "POST", body: Data(message.text.utf8),
                                       headers: ["Content-Type": "text/plain; charset=utf-8",
                                                 "Title": EmailMessage.encodedWord(message.title)],
                                       timeout: 30, maxBytes: 65_536, maxRedirects: 0)
            if let priority = entry.priority { request.headers["Priority"] = priority }
            let tags = entry.tags.isEmpty ? ["rotating_light"] : entry.tags
            request.headers["Tags"] = tags.joined(separator: ",")
            if let link = message.alerts.first?.articleLink, !message.isDigest { request.headers["Click"] = link }
            if let secret { request.headers["Authorization"] = "Bearer \(secret)" }
            return request
        case .telegram:
            let base = (entry.apiURL ?? "https://api.telegram.org").trimmingSuffix("/")
            return post("\(base)/bot\(secret ?? "")/sendMessage", json: Payload.telegram(message, chatID: entry.chatID ?? ""))
        case .webhook, .email:
            return webhookRequest(line: message.lines.first ?? "{}", alertID: message.alerts.first?.id ?? "")
        }
    }

    /// A JSON POST that follows no redirect (a webhook that moved is a config to fix, not a place to resend to).
    func post(_ url: String, json: String) -> FetchRequest {
        FetchRequest(url: url, method: "POST", body: Data(json.utf8),
                     headers: ["Content-Type": "application/json; charset=utf-8"],
                     timeout: 30, maxBytes: 65_536, maxRedirects: 0)
    }

    /// The POST of `[alerts] webhook`, byte for byte: the log line, its id header, the bearer token when set.
    func webhookRequest(line: String, alertID: String) -> FetchRequest {
        var headers = ["Content-Type": "application/json", "X-Citywatch-Alert-Id": alertID]
        if let secret { headers["Authorization"] = "Bearer \(secret)" }
        return FetchRequest(url: entry.url ?? "", method: "POST", body: Data(line.utf8), headers: headers,
                            timeout: 30, maxBytes: 65_536, maxRedirects: 0)
    }

    /// Slack and Discord: the secret is the webhook URL.
    func secretURL() throws -> String {
        guard let secret, ConfigReader.isURL(secret, schemes: ["http", "https"]) else {
            throw FetchError(kind: .badURL, message: "the \(entry.service.rawValue) webhook URL (the secret) is missing or not a URL")
        }
        return secret
    }

    /// Percent-encodes everything but unreserved characters (Matrix room ids hold "!" and ":").
    static func pathComponent(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        var out = self
        while out.hasSuffix(suffix) { out.removeLast(suffix.count) }
        return out
    }
}
