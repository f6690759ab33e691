import Foundation
import GRDB
import CityWatchSupport

/// A city as the knowledge holds it (`citywatch knowledge cities`).
package struct KnownCity: Sendable, Equatable {
    package var city: String
    package var firstSeen: String
    package var articles: Int
    /// Who reported it (document source or feed name), most articles first.
    package var sources: [String]
}

/// A (city, measure) with its history of values (`citywatch knowledge figures`).
package struct KnownFigure: Sendable, Equatable {
    /// One value the measure has had, with how many articles and sources stated it.
    package struct Value: Sendable, Equatable {
        package var value: Double
        package var firstSeen: String
        package var lastSeen: String
        package var articles: Int
        package var sources: Int
    }

    package var city: String?
    package var measure: String
    package var key: String
    package var unit: String
    package var current: Double
    package var history: [Value]
}

extension KnowledgeStore {
    /// Every known city, first seen first.
    package func cities() throws -> [KnownCity] {
        try pool.read { db in
            // Column indexes and cursors, not names and arrays: `knowledge` must answer fast at 100,000 articles.
            var sources: [String: [(String, Int)]] = [:]
            let sourceRows = try Row.fetchCursor(db, sql: "SELECT city, source, articles FROM city_sources")
            while let row = try sourceRows.next() {
                sources[row[0] as String, default: []].append((row[1], row[2]))
            }
            var out: [KnownCity] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT city, first_seen, articles FROM cities ORDER BY first_seen, city")
            while let row = try rows.next() {
                let city: String = row[0]
                let list = (sources[city] ?? []).sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
                out.append(KnownCity(city: city, firstSeen: row[1], articles: row[2], sources: list))
            }
            return out
        }
    }

    /// Every known figure with its value history, oldest value first.
    package func figures() throws -> [KnownFigure] {
        try pool.read { db in
            var history: [Int64: [KnownFigure.Value]] = [:]
            let values = try Row.fetchCursor(db, sql: "SELECT measure, value, first_seen, last_seen, articles, sources FROM figure_values ORDER BY id")
            while let row = try values.next() {
                history[row[0] as Int64, default: []].append(KnownFigure.Value(value: row[1], firstSeen: row[2], lastSeen: row[3],
                                                                               articles: row[4], sources: row[5]))
            }
            var out: [KnownFigure] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT id, city, measure_key, unit, label, current_value FROM measures ORDER BY city, label")
            while let row = try rows.next() {
                let city: String = row[1]
                out.append(KnownFigure(city: city.isEmpty ? nil : city, measure: row[4], key: row[2], unit: row[3],
                                       current: row[5], history: history[row[0] as Int64] ?? []))
            }
            return out
        }
    }
}

extension KnownCity {
    /// One JSON line (hand-written: JSONEncoder per line is too slow for thousands of lines).
    package var jsonLine: String { JSONWriter.text { appendJSON(to: &$0) } }

    /// Appends the JSON object to a writer (no newline).
    package func appendJSON(to w: inout JSONWriter) {
        w.open()
        w.key("city"); w.string(city)
        w.key("first_seen"); w.string(firstSeen)
        w.key("articles"); w.int(articles)
        w.key("sources"); w.array(sources) { w, source in w.string(source) }
        w.close()
    }
}

extension KnownFigure {
    /// One JSON line; `city` is null for a national figure.
    package var jsonLine: String { JSONWriter.text { appendJSON(to: &$0) } }

    /// Appends the JSON object to a writer (no newline).
    package func appendJSON(to w: inout JSONWriter) {
        w.open()
        w.key("city"); w.string(city)
        w.key("measure"); w.string(measure)
        w.key("key"); w.string(key)
        w.key("unit"); w.string(unit)
        w.key("current"); w.number(current)
        w.key("history"); w.array(history) { w, v in
            w.open()
            w.key("value"); w.number(v.value)
            w.key("first_seen"); w.string(v.firstSeen)
            w.key("last_seen"); w.string(v.lastSeen)
            w.key("articles"); w.int(v.articles)
            w.key("sources"); w.int(v.sources)
            w.close()
        }
        w.close()
    }
}
