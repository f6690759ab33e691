import Foundation
import GRDB
import CityWatchSupport

/// One article that named a city: who said it, where, and the sentence.
package struct CitySighting: Sendable, Equatable {
    package var title: String?
    package var url: String?
    package var source: String
    package var feed: String
    package var published: String?
    package var fetched: String
    package var mentions: Int
    package var evidence: String
}

/// A figure of one city with the sources that stated each of its values (its corroboration).
package struct CityFigure: Sendable, Equatable {
    package var figure: KnownFigure
    /// Value → the sources that stated it, in name order.
    package var sources: [Double: [String]]
}

extension KnowledgeStore {
    /// How many figures each city has ("" for national figures): the overview needs counts, not 18,000 histories.
    package func figureCounts() throws -> [String: Int] {
        try pool.read { db in
            var out: [String: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT city, COUNT(*) FROM measures GROUP BY city")
            while let row = try rows.next() { out[row[0] as String] = row[1] }
            return out
        }
    }

    /// One known city, nil when the knowledge has never seen it.
    package func city(_ name: String) throws -> KnownCity? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT city, first_seen, articles FROM cities WHERE city = ?",
                                             arguments: [name]) else { return nil }
            let sources = try Row.fetchAll(db, sql: "SELECT source, articles FROM city_sources WHERE city = ? ORDER BY articles DESC, source",
                                           arguments: [name]).map { $0[0] as String }
            return KnownCity(city: row[0], firstSeen: row[1], articles: row[2], sources: sources)
        }
    }

    /// A city's figures with their value histories (oldest value first) and each value's sources.
    package func figures(city: String) throws -> [CityFigure] {
        try pool.read { db in
            let measures = try Row.fetchAll(db, sql: "SELECT id, measure_key, unit, label, current_value FROM measures WHERE city = ? ORDER BY label",
                                            arguments: [city])
            return try measures.map { row in
                let id: Int64 = row[0]
                let history = try Row.fetchAll(db, sql: "SELECT value, first_seen, last_seen, articles, sources FROM figure_values WHERE measure = ? ORDER BY first_seen, id",
                                               arguments: [id]).map {
                    KnownFigure.Value(value: $0[0], firstSeen: $0[1], lastSeen: $0[2], articles: $0[3], sources: $0[4])
                }
                var sources: [Double: [String]] = [:]
                for source in try Row.fetchAll(db, sql: "SELECT value, source FROM figure_sources WHERE measure = ? ORDER BY source",
                                               arguments: [id]) {
                    sources[source[0] as Double, default: []].append(source[1])
                }
                let figure = KnownFigure(city: city, measure: row[3], key: row[1], unit: row[2], current: row[4], history: history)
                return CityFigure(figure: figure, sources: sources)
            }
        }
    }

    /// The latest articles that named a city, newest first.
    package func sightings(city: String, limit: Int = 50) throws -> [CitySighting] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.title, a.url, a.source, a.feed, a.published, a.fetched, s.mentions, s.evidence
                FROM city_sightings s JOIN articles a ON a.id = s.article
                WHERE s.city = ? ORDER BY a.fetched DESC, s.id DESC LIMIT ?
                """, arguments: [city, limit]).map {
                CitySighting(title: $0[0], url: $0[1], source: $0[2], feed: $0[3], published: $0[4], fetched: $0[5],
                             mentions: $0[6], evidence: $0[7])
            }
        }
    }

    /// Writes and deletes a row: nil when the store takes writes, else what went wrong (for `/healthz`).
    package func writeProblem() -> String? {
        do {
            try pool.write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('health_check', ?)",
                               arguments: [UTCTime.string(Date())])
            }
            return nil
        } catch {
            return "the knowledge store does not take writes: \(error)"
        }
    }

    /// The database's size on disk in bytes (the file with its WAL).
    package func sizeOnDisk() -> Int {
        [path, path + "-wal"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
    }

    /// Alerts committed but not yet in the log, and (when a webhook is set) not yet taken by the webhook.
    package func outboxDepth() throws -> (log: Int, webhook: Int) {
        try pool.read { db in
            let log = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE delivered = 0") ?? 0
            let webhook = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE webhook_delivered = 0") ?? 0
            return (log, webhook)
        }
    }
}
