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
            var sources: [String: [(String, Int)]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT city, source, articles FROM city_sources") {
                sources[row["city"], default: []].append((row["source"], row["articles"]))
            }
            return try Row.fetchAll(db, sql: "SELECT city, first_seen, articles FROM cities ORDER BY first_seen, city").map { row in
                let city: String = row["city"]
                let list = (sources[city] ?? []).sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
                return KnownCity(city: city, firstSeen: row["first_seen"], articles: row["articles"], sources: list)
            }
        }
    }

    /// Every known figure with its value history, oldest value first.
    public func figures() throws -> [KnownFigure] {
        try pool.read { db in
            var history: [Int64: [KnownFigure.Value]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT measure, value, first_seen, last_seen, articles, sources FROM figure_values ORDER BY id") {
                let measure: Int64 = row["measure"]
                let value: Double = row["value"]
                history[measure, default: []].append(KnownFigure.Value(value: value, firstSeen: row["first_seen"], lastSeen: row["last_seen"],
                    articles: row["articles"], sources: row["sources"]))
            }
            return try Row.fetchAll(db, sql: "SELECT id, city, measure_key, unit, label, current_value FROM measures ORDER BY city, label").map { row in
                let id: Int64 = row["id"]
                let city: String = row["city"]
                return KnownFigure(city: city.isEmpty ? nil : city, measure: row["label"], key: row["measure_key"], unit: row["unit"],
                                   current: row["current_value"], history: history[id] ?? [])
            }
        }
    }
}
