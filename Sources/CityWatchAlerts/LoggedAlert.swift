import Foundation
import CityWatchSupport
import CityWatchKnowledge

/// One alert as read back from the alert log, for the dashboard and the Atom feed.
package struct LoggedAlert: Sendable, Equatable {
    package var id: String
    package var time: String
    package var kind: String
    package var city: String?
    package var watched: Bool
    package var measure: String?
    package var value: Double?
    package var unit: String?
    package var previous: Double?
    package var url: String?
    package var title: String?
    package var feed: String?
    package var published: String?
    package var evidence: String
    /// The log line itself (what `/alerts.json` returns).
    package var line: String

    /// Reads the fields of a log line (our own fixed-form JSON: top-level fields come before the article's).
    package init?(_ line: AlertLogLine) {
        guard let id = line.string("id"), let time = line.string("time"), let kind = line.string("kind") else { return nil }
        self.id = id
        self.time = time
        self.kind = kind
        city = line.string("city")
        watched = line.bool("watched")
        measure = line.string("measure")
        value = line.number("value")
        unit = line.string("unit")
        previous = line.number("previous")
        url = line.string("url")
        title = line.string("title")
        feed = line.string("feed")
        published = line.string("published")
        evidence = line.string("evidence") ?? ""
        self.line = line.text
    }

    /// "national guard troops 200 (was 150)", "new city" and so on: the alert in a few words.
    package var headline: String {
        switch kind {
        case Alert.Kind.newCity.rawValue: return "new city: \(city ?? "?")"
        default:
            var text = "\(city ?? "national"): \(measure ?? "figure") \(formattedValue(value))"
            if let previous { text += " (was \(formattedValue(previous)))" }
            return text
        }
    }

    /// A value with its unit: "4,500", "27%", "$1,200,000".
    package func formattedValue(_ number: Double?) -> String {
        guard let number else { return "?" }
        return NumberText.figure(number, unit: unit, grouped: true)
    }
}
