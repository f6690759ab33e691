import Foundation
import CityWatchFetching
import CityWatchConfig

/// Alerts by e-mail through an SMTP server (libcurl): plain text, or plain text and HTML as multipart/alternative.
package struct EmailNotifier: Notifier {
    package let entry: Config.Notify
    let password: String?

    package init(entry: Config.Notify, password: String?) {
        self.entry = entry
        self.password = password
    }

    package var name: String { entry.name }
    /// SMTP has no idempotency key a server honours: an interrupted send is never repeated.
    package var idempotentRetries: Bool { false }

    package func send(_ message: NotifyMessage) async throws -> NotifyReply {
        let settings = SMTPTransfer.Settings(url: entry.url ?? "", from: entry.from ?? "", recipients: entry.to,
                                             username: entry.username, password: password, caFile: entry.caFile)
        return try await SMTPTransfer.send(settings, message: email(for: message).rendered)
    }

    /// The e-mail for a message; its Message-ID is stable for the alerts it carries.
    func email(for message: NotifyMessage, date: Date = Date()) -> EmailMessage {
        let domain = SMTPTransfer.address(entry.from ?? "").split(separator: "@").last.map(String.init) ?? "citywatch.invalid"
        let html = entry.html ? EmailMessage.html(from: message.text, title: message.title) : nil
        return EmailMessage(from: entry.from ?? "", to: entry.to, subject: message.title, text: message.text, html: html,
                            date: date, messageID: "\(message.key).\(NotifyMessage.clean(entry.name).filter { $0.isLetter || $0.isNumber })@\(domain)")
    }
}
