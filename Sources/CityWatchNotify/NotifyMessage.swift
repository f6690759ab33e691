import Foundation
import CityWatchSupport
import CityWatchKnowledge

/// One message to send: a single alert, or a digest of several grouped by city.
package struct NotifyMessage: Sendable, Equatable {
    /// The alerts it carries, oldest first, with their outbox sequence numbers.
    package var alerts: [Alert]
    package var seqs: [Int64]
    /// The log lines as committed (the webhook sends them unchanged).
    package var lines: [String]
    package var isDigest: Bool
    /// A short title (e-mail subject, ntfy Title).
    package var title: String
    /// The plain-text body.
    package var text: String
    /// Stable for these alerts: a retry of the same message has the same key (Matrix txn id, Message-ID).
    package var key: String

    /// A message for one alert.
    package init(alert: Alert, seq: Int64, line: String) {
        alerts = [alert]; seqs = [seq]; lines = [line]; isDigest = false
        title = "citywatch: " + Self.clean(alert.headline) + (alert.watched ? " [watched]" : "")
        text = Self.block(alert, indent: "")
        key = "alert-\(alert.id)-\(seq)"
    }

    /// A digest of several alerts, grouped by city (national figures last).
    package init(digest entries: [(seq: Int64, alert: Alert, line: String)], schedule: String) {
        let sorted = entries.sorted { $0.seq < $1.seq }
        alerts = sorted.map(\.alert); seqs = sorted.map(\.seq); lines = sorted.map(\.line); isDigest = true
        var places: [String] = []
        for entry in sorted where !places.contains(entry.alert.city ?? "") { places.append(entry.alert.city ?? "") }
        places.sort { ($0.isEmpty ? "\u{10FFFF}" : $0) < ($1.isEmpty ? "\u{10FFFF}" : $1) }
        let cities = places.filter { !$0.isEmpty }.count
        title = "citywatch \(schedule) digest: \(sorted.count) alert\(sorted.count == 1 ? "" : "s")"
            + (cities > 0 ? " in \(cities) cit\(cities == 1 ? "y" : "ies")" : "")
        var body = title + "\n"
        for place in places {
            body += "\n" + (place.isEmpty ? "National" : Self.clean(place)) + "\n"
            for entry in sorted where (entry.alert.city ?? "") == place {
                body += Self.block(entry.alert, indent: "  ", bullet: "- ")
            }
        }
        text = body
        key = "digest-\(seqs.first ?? 0)-\(seqs.last ?? 0)-\(sorted.count)"
    }

    /// The headline, the evidence sentence and the article link, one per line.
    static func block(_ alert: Alert, indent: String, bullet: String = "") -> String {
        var out = indent + bullet + clean(alert.headline) + (alert.watched ? " [watched]" : "") + "\n"
        let inner = indent + String(repeating: " ", count: bullet.count)
        if !alert.evidence.isEmpty { out += inner + "“" + clean(alert.evidence) + "”\n" }
        if let title = alert.article.title { out += inner + clean(title) + (alert.article.feed.map { " (\(clean($0)))" } ?? "") + "\n" }
        if let link = alert.articleLink { out += inner + clean(link) + "\n" }
        return out
    }

    /// One line of text: control characters and line breaks removed.
    static func clean(_ text: String) -> String {
        ControlCharacters.clean(text).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
    }

    /// A sample, for `citywatch notify test`.
    package static func sample(now: Date = Date()) -> NotifyMessage {
        let alert = Alert(kind: .newFigure, city: "Chicago, IL", watched: true, measure: "ICE personnel assigned",
                          measureKey: "personnel", value: 180, unit: .count, previous: nil,
                          article: Alert.Article(url: "https://example.org/citywatch-test", title: "citywatch test alert",
                                                 feed: "citywatch", published: UTCTime.string(now)),
                          evidence: "This is a test message from citywatch notify test: no real alert was raised.", time: now)
        var message = NotifyMessage(alert: alert, seq: 0, line: alert.jsonLine)
        message.key = "test-\(Int(now.timeIntervalSince1970))"
        message.title = "citywatch test: " + clean(alert.headline)
        return message
    }
}
