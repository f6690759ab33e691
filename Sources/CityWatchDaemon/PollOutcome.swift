import Foundation
import CityWatchFetching

/// What one poll of a feed came to, as far as scheduling cares.
package enum PollOutcome: Sendable, Equatable {
    /// Fetched and parsed; `maxAge` (Cache-Control) and `ttl` (RSS `<ttl>`) in seconds are floors for the next poll.
    /// `items` counts the new items seen, `alerts` the alerts raised (for `status`).
    case success(maxAge: TimeInterval? = nil, ttl: TimeInterval? = nil, items: Int = 0, alerts: Int = 0)
    /// 304: nothing changed since the last poll.
    case notModified(maxAge: TimeInterval? = nil)
    /// The poll failed; `retryAfter` (seconds, from a 429/503) is the earliest the server wants to see us again.
    case failure(PollFailure)

    /// A failure outcome in one call.
    package static func failure(kind: String, message: String, retryAfter: TimeInterval? = nil) -> PollOutcome {
        .failure(PollFailure(kind: kind, message: message, retryAfter: retryAfter))
    }
}

/// Why a poll failed.
package struct PollFailure: Sendable, Equatable {
    /// A short machine-readable kind ("http-status", "timeout", "parse", ...).
    package var kind: String
    /// A one-line message a person can act on.
    package var message: String
    /// Seconds the server asked us to wait (429/503 Retry-After).
    package var retryAfter: TimeInterval?

    package init(kind: String, message: String, retryAfter: TimeInterval? = nil) {
        self.kind = kind
        self.message = message
        self.retryAfter = retryAfter
    }
}

extension PollOutcome {
    /// Maps a fetch error to a failure outcome, keeping Retry-After.
    package init(_ error: FetchError) {
        self = .failure(kind: error.kind.rawValue, message: error.message, retryAfter: error.retryAfter)
    }

    /// True for success and not-modified.
    package var isSuccess: Bool {
        if case .failure = self { return false }
        return true
    }
}
