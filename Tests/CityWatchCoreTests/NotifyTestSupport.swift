import Foundation
import GRDB
@testable import CityWatchSupport
@testable import CityWatchKnowledge
@testable import CityWatchConfig

/// An open store in a fresh folder, and the alerts tests put in its outbox.
struct NotifyBench {
    let folder = temporaryFolder("notify")
    var path: String { (folder as NSString).appendingPathComponent("knowledge.sqlite") }

    func store() throws -> KnowledgeStore { try KnowledgeStore(path: path) }

    /// An alert about `city`, its evidence and an article link.
    static func alert(_ city: String?, kind: Alert.Kind = .newCity, value: Double? = nil, watched: Bool = false,
                      evidence: String? = nil, measure: String? = nil) -> Alert {
        let measureText = kind == .newCity ? nil : (measure ?? "ice personnel assigned")
        return Alert(kind: kind, city: city, watched: watched, measure: measureText, measureKey: measureText.map(MeasureKey.canonical),
                     value: kind == .newCity ? nil : (value ?? 180), unit: kind == .newCity ? nil : .count, previous: nil,
                     article: Alert.Article(url: "https://news.example/\((city ?? "us").filter(\.isLetter))/\(Int(value ?? 0))",
                                            title: "Agents arrive in \(city ?? "the US")", feed: "Wire", published: "2026-11-18T17:00:00Z"),
                     evidence: evidence ?? "Federal agents were seen in \(city ?? "the country") on Monday.",
                     time: Date(timeIntervalSince1970: 1_800_000_000))
    }
}

extension KnowledgeStore {
    /// Commits alerts to the outbox as ingest does; returns their seqs.
    @discardableResult
    func enqueue(_ alerts: [Alert], created: Date = Date()) throws -> [Int64] {
        try pool.write { db in
            try alerts.map { alert in
                try db.execute(sql: "INSERT INTO outbox(alert_id, kind, line, summary, created) VALUES (?, ?, ?, ?, ?)",
                               arguments: [alert.id, alert.kind.rawValue, alert.jsonLine, alert.journalLine,
                                           UTCTime.string(created)])
                return db.lastInsertedRowID
            }
        }
    }

    /// Adds independent sources for a city (as articles from other outlets would).
    func addCitySources(_ city: String, _ sources: [String]) throws {
        try pool.write { db in
            for source in sources {
                try db.execute(sql: "INSERT OR IGNORE INTO city_sources(city, source, articles) VALUES (?, ?, 1)", arguments: [city, source])
            }
        }
    }

    func notifyStates(_ name: String) throws -> [Int64: String] {
        try pool.read { db in
            Dictionary(try Row.fetchAll(db, sql: "SELECT seq, state FROM notify_deliveries WHERE notifier = ?", arguments: [name])
                .map { ($0["seq"] as Int64, $0["state"] as String) }, uniquingKeysWith: { a, _ in a })
        }
    }
}

/// A notifier config entry for a test receiver.
func notifyEntry(_ service: Config.Notify.Service, name: String = "test", url: String? = nil,
                 configure: (inout Config.Notify) -> Void = { _ in }) -> Config.Notify {
    var entry = Config.Notify(name: name, service: service)
    entry.url = url
    configure(&entry)
    return entry
}

/// The JSON object of a request body.
func jsonObject(_ data: Data) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
}

/// Waits (real time, bounded) until `condition` holds.
func eventually(_ steps: Int = 3000, _ condition: () -> Bool) async throws {
    for _ in 0..<steps where !condition() { try await Task.sleep(for: .milliseconds(2)) }
}
