import Foundation
import CityWatchFetching
import CityWatchConfig

/// A place alerts are sent to (Slack, e-mail, Matrix, ...): one message in, the server's answer out.
///
/// A protocol because the delivery loop (`NotifierRunner`) is the same for every service and tests plug in
/// their own.
package protocol Notifier: Sendable {
    /// The `[[notify]]` entry's name.
    var name: String { get }
    /// true when sending the same message twice cannot post it twice (Matrix transaction ids), so a send
    /// interrupted by a crash is sent again; otherwise it is never repeated.
    var idempotentRetries: Bool { get }
    /// Sends one message; throws a `FetchError` (status, Retry-After) when the server refused it or was unreachable.
    func send(_ message: NotifyMessage) async throws -> NotifyReply
}

/// Builds the notifier a config entry describes, its secret read from the environment or a credential.
package enum Notifiers {
    package static func make(_ entry: Config.Notify,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            fetcher: Fetcher = Fetcher()) -> Result<any Notifier, SecretError> {
        var secret: String?
        if !entry.secret.isEmpty || entry.needsSecret {
            switch NotifySecret.resolve(entry.secret, notifier: entry.name, environment: environment) {
            case .success(let value): secret = value
            case .failure(let error): if entry.needsSecret || entry.secret.environment != nil { return .failure(error) }
            }
        }
        switch entry.service {
        case .email:
            return .success(EmailNotifier(entry: entry, password: secret))
        default:
            if entry.service == .slack || entry.service == .discord,
               let secret, !ConfigReader.isURL(secret, schemes: ["http", "https"]) {
                return .failure(SecretError(message: "notifier \"\(entry.name)\": its secret must be the \(entry.service.rawValue) webhook URL (https://...), and it is not a URL"))
            }
            return .success(HTTPNotifier(entry: entry, secret: secret, fetcher: fetcher))
        }
    }
}
