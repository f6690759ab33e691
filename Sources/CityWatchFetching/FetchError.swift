import Foundation

/// A failed transfer, with a kind scripts can switch on and a message a person can act on.
package struct FetchError: Error, Sendable, CustomStringConvertible {
    package enum Kind: String, Sendable {
        case badURL = "bad-url", unsupportedScheme = "unsupported-scheme", dns, connect, timeout, tls
        case tooLarge = "too-large", tooManyRedirects = "too-many-redirects", httpStatus = "http-status"
        case file, cancelled, other
        /// A private-network address or a local file that the access rules keep out of reach.
        case refused
    }
    package var kind: Kind
    package var message: String
    package var status: Int?
    /// Seconds to wait before retrying, from a 429/503 Retry-After.
    package var retryAfter: TimeInterval?
    /// The first line of the server's answer to a refused request (what a notifier's endpoint said).
    package var reply: String?

    package init(kind: Kind, message: String, status: Int? = nil, retryAfter: TimeInterval? = nil, reply: String? = nil) {
        self.kind = kind
        self.message = message
        self.status = status
        self.retryAfter = retryAfter
        self.reply = reply
    }

    package var description: String { message }

    /// The body went past the cap; the message is the one INTERFACE.md shows.
    static func tooLarge(_ maxBytes: Int) -> FetchError {
        FetchError(kind: .tooLarge, message: "too large: over \(maxBytes) bytes")
    }

    /// A final status that is neither 2xx nor 304 ("http 429"), with Retry-After for 429 and 503.
    static func httpStatus(_ response: FetchResponse) -> FetchError {
        let wait = [429, 503].contains(response.status) ? response.retryAfter : nil
        return FetchError(kind: .httpStatus, message: "http \(response.status)", status: response.status,
                          retryAfter: wait, reply: NotifyReply.firstLine(of: response.body))
    }
}
