import Foundation
import GRDB

/// A city as the knowledge holds it (`citywatch knowledge cities`).
public struct KnownCity: Sendable, Equatable, Encodable {
    public var city: String
    public var firstSeen: String
    public var articles: Int
    /// Who reported it (document source or feed name), most articles first.
    public var sources: [String]

    enum CodingKeys: String, CodingKey { case city, firstSeen = "first_seen", articles, sources }
}

/// A (city, measure) with its history of values (`citywatch knowledge figures`).
public struct KnownFigure: Sendable, Equatable, Encodable {
    /// One value the measure has had, with how many articles and sources stated it.
    public struct Value: Sendable, Equatable, Encodable {
        public var value: Double
        public var firstSeen: String
        public var lastSeen: String
        public var articles: Int
        public var sources: Int
        enum CodingKeys: String, CodingKey { case value, firstSeen = "first_seen", lastSeen = "last_seen", articles, sources }
    }

    public var city: String?
    public var measure: String
    public var key: String
    public var unit: String
    public var current: Double
    public var history: [Value]

    enum CodingKeys: String, CodingKey { case city, measure, key, unit, current, history }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(city, forKey: .city)   // null for national figures, not omitted
        try c.encode(measure, forKey: .measure)
        try c.encode(key, forKey: .key)
        try c.encode(unit, forKey: .unit)
        try c.encode(current, forKey: .current)
        try c.encode(history, forKey: .history)
    }
}

extension KnowledgeStore {
    /// Every known city, first seen first.
    public func cities() throws -> [KnownCity] {
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
    public func figures() throws -> [KnownFigure] {
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
    public var jsonLine: String {
        "{\"city\":\(JSONText.string(city)),\"first_seen\":\(JSONText.string(firstSeen)),\"articles\":\(articles),"
            + "\"sources\":[\(sources.map { JSONText.string($0) }.joined(separator: ","))]}"
    }
}

extension KnownFigure {
    /// One JSON line; `city` is null for a national figure.
    public var jsonLine: String {
        let values = history.map { v in
            "{\"value\":\(JSONText.number(v.value)),\"first_seen\":\(JSONText.string(v.firstSeen)),\"last_seen\":\(JSONText.string(v.lastSeen)),"
                + "\"articles\":\(v.articles),\"sources\":\(v.sources)}"
        }
        return "{\"city\":\(JSONText.string(city)),\"measure\":\(JSONText.string(measure)),\"key\":\(JSONText.string(key)),"
            + "\"unit\":\(JSONText.string(unit)),\"current\":\(JSONText.number(current)),\"history\":[\(values.joined(separator: ","))]}"
    }
}
