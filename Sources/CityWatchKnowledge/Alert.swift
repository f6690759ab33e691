import Foundation
import CityWatchSupport
import CityWatchExtraction

/// One alert: INTERFACE.md's alert log line.
package struct Alert: Sendable, Equatable {
    package enum Kind: String, Sendable, CaseIterable {
        case newCity = "new_city", newFigure = "new_figure", changedFigure = "changed_figure"
    }

    /// The article an alert comes from.
    package struct Article: Sendable, Equatable {
        package var url: String?
        package var title: String?
        package var feed: String?
        package var published: String?
        package init(url: String?, title: String?, feed: String?, published: String?) {
            self.url = url; self.title = title; self.feed = feed; self.published = published
        }
    }

    package var id: String
    package var time: String
    package var kind: Kind
    package var city: String?
    package var watched: Bool
    /// The measure as the article words it (nil for new_city).
    package var measure: String?
    package var value: Double?
    package var unit: FigureUnit?
    package var previous: Double?
    package var article: Article
    package var evidence: String

    /// Builds an alert whose `id` is the hash of the fact (kind, city, canonical measure, value, previous).
    package init(kind: Kind, city: String?, watched: Bool, measure: String?, measureKey: String?, value: Double?,
                unit: FigureUnit?, previous: Double?, article: Article, evidence: String, time: Date) {
        self.id = AlertID.make(kind: kind, city: city, measure: measureKey ?? measure, value: value, unit: unit, previous: previous)
        self.time = UTCTime.string(time)
        self.kind = kind; self.city = city; self.watched = watched; self.measure = measure
        self.value = value; self.unit = unit; self.previous = previous; self.article = article
        self.evidence = TextLimit.clip(evidence)
    }

    /// The log line (without newline), fields in INTERFACE.md's order, nulls written out.
    package var jsonLine: String {
        JSONWriter.text { w in
            w.open()
            w.key("id"); w.string(id)
            w.key("time"); w.string(time)
            w.key("kind"); w.string(kind.rawValue)
            w.key("city"); w.string(city)
            w.key("watched"); w.bool(watched)
            w.key("measure"); w.string(measure)
            w.key("value"); w.number(value)
            w.key("unit"); w.string(unit?.rawValue)
            w.key("previous"); w.number(previous)
            w.key("article"); w.open()
            w.key("url"); w.string(article.url)
            w.key("title"); w.string(article.title)
            w.key("feed"); w.string(article.feed)
            w.key("published"); w.string(article.published)
            w.close()
            w.key("evidence"); w.string(evidence)
            w.close()
        }
    }

    /// The readable journald line (`<4>` = warning priority).
    package var journalLine: String {
        var text = "<4>citywatch alert \(kind.rawValue): \(city ?? "national")"
        if let measure, let value {
            text += ": \(measure) \(NumberText.figure(value, unit: unit?.rawValue))"
            if let previous { text += " (was \(JSONWriter.number(previous)))" }
        }
        if watched { text += " [watched]" }
        if let title = article.title { text += " — \(title)" }
        if let feed = article.feed { text += " (\(feed))" }
        return TerminalText.escape(text)
    }
}

/// Stable alert ids: FNV-1a 64 over a canonical text of the fact, the same in every installation.
package enum AlertID {
    package static func make(kind: Alert.Kind, city: String?, measure: String?, value: Double?, unit: FigureUnit?,
                            previous: Double?) -> String {
        let fields = [kind.rawValue, city ?? "", measure ?? "", value.map(JSONWriter.number) ?? "",
                      unit?.rawValue ?? "", previous.map(JSONWriter.number) ?? ""]
        return hex(fnv1a64(fields.joined(separator: "\u{1F}")))
    }

    /// FNV-1a, 64-bit, over the UTF-8 bytes.
    package static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    package static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
