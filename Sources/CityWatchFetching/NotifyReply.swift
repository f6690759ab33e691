import Foundation
import CityWatchSupport

/// What the server answered: a status (HTTP or SMTP) and the first line of its reply. Fetching's, because the
/// transfers (`SMTPTransfer`, `FetchError`) read it; the notifiers return it.
package struct NotifyReply: Sendable, Equatable, CustomStringConvertible {
    package var status: Int
    package var firstLine: String

    package init(status: Int, firstLine: String) {
        self.status = status
        self.firstLine = firstLine
    }

    /// The first line of a body, clipped, control characters removed.
    package static func firstLine(of body: Data) -> String {
        let text = String(decoding: body.prefix(4096), as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return String(ControlCharacters.clean(line).trimmingCharacters(in: .whitespaces).prefix(200))
    }

    package var description: String { firstLine.isEmpty ? "\(status)" : "\(status) \(firstLine)" }
}
