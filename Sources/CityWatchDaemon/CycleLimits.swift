import Foundation
import CityWatchDocuments

/// What one feed poll may cost at most, so that one hostile feed can neither take the daemon down nor hold a
/// slot for hours nor flood the log: items read, time and bytes spent on pages, text read per document, alerts.
package struct CycleLimits: Sendable, Equatable {
    /// The newest items of a feed read per poll (real feeds list 10–100).
    package var itemsPerPoll = 200
    /// Wall time one poll may spend fetching article pages; items left over wait for the next poll.
    package var pollTime: TimeInterval = 60
    /// Page bytes one poll may fetch, as a multiple of `[fetch] max_bytes`.
    package var pollBytesFactor = 4
    /// Characters of text taken from one document (the rest is not read, and the journal says so).
    package var charactersPerDocument = Document.textLimit
    /// Alerts one article may raise, and one poll: the facts past them are recorded without an alert.
    package var alertsPerArticle = 25
    package var alertsPerPoll = 100
    /// Tries at reading one item before it is skipped (a large document gets one).
    package var attemptsPerItem = 4

    /// A page or item content this large is a candidate poison: one failed reading skips it.
    package static let largeDocumentBytes = 1 << 20

    package init() {}
}

/// The time and bytes one poll has left for article pages.
struct PollBudget {
    let deadline: ContinuousClock.Instant
    let byteLimit: Int
    private(set) var bytesUsed = 0

    init(limits: CycleLimits, maxBytes: Int) {
        deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(limits.pollTime * 1000)))
        byteLimit = max(1, limits.pollBytesFactor) * maxBytes
    }

    var bytesLeft: Int { max(0, byteLimit - bytesUsed) }

    /// No time or no bytes left.
    var exhausted: Bool { bytesLeft == 0 || ContinuousClock.now >= deadline }

    /// The time left for one more transfer, nil when there is none.
    func nextTimeout() -> TimeInterval? {
        let left = ContinuousClock.now.duration(to: deadline)
        let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
        return seconds >= 1 && bytesLeft > 0 ? seconds : nil
    }

    mutating func spend(bytes: Int) { bytesUsed += bytes }
}
