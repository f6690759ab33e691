import Foundation
import GRDB
import CityWatchSupport

/// A notifier's record: where its queue starts, how its last attempts went, when it may try again.
package struct NotifierState: Sendable, Equatable {
    package var name: String
    package var type: String
    /// Alerts committed before the notifier first ran (seq at or below this) are not its business.
    package var sinceSeq: Int64
    package var lastSuccess: String?
    package var lastError: String?
    package var lastErrorTime: String?
    package var consecutiveFailures: Int
    package var nextAttempt: String?
    package var lastDigest: String?
    /// Alerts waiting for it (filters not yet applied).
    package var queued: Int
}

/// An outbox alert waiting for one notifier, with where its delivery stands.
package struct NotifyEntry: Sendable, Equatable {
    package var entry: OutboxEntry
    package var created: String
    /// nil (never tried), "failed" (tried, refused) or "sending" (interrupted; retried only when idempotent).
    package var state: String?
}

extension KnowledgeStore {
    /// Migration v3: each notifier's own delivered state, keyed by notifier name and outbox seq.
    static func createNotifyTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE notifiers (name TEXT PRIMARY KEY, type TEXT NOT NULL, since_seq INTEGER NOT NULL,
                created TEXT NOT NULL, last_success TEXT, last_error TEXT, last_error_time TEXT,
                consecutive_failures INTEGER NOT NULL DEFAULT 0, next_attempt TEXT, last_digest TEXT);
            CREATE TABLE notify_deliveries (notifier TEXT NOT NULL, seq INTEGER NOT NULL, state TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0, updated TEXT NOT NULL, PRIMARY KEY (notifier, seq)) WITHOUT ROWID;
            """)
    }

    /// Records a notifier the first time it runs: its queue starts after the alerts already committed.
    @discardableResult
    package func registerNotifier(name: String, type: String, now: Date = Date()) throws -> NotifierState {
        try pool.write { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO notifiers(name, type, since_seq, created, last_digest)
                VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) FROM outbox), ?, ?)
                """, arguments: [name, type, UTCTime.string(now), UTCTime.string(now)])
            try db.execute(sql: "UPDATE notifiers SET type = ? WHERE name = ?", arguments: [type, name])
        }
        return try notifierState(name)!
    }

    /// One notifier's record, or nil before its first run.
    package func notifierState(_ name: String) throws -> NotifierState? {
        try notifierStates().first { $0.name == name }
    }

    /// Every notifier that ever ran, with its queue length.
    package func notifierStates() throws -> [NotifierState] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT n.*, (SELECT COUNT(*) FROM outbox o WHERE o.seq > n.since_seq AND NOT EXISTS (
                    SELECT 1 FROM notify_deliveries d WHERE d.notifier = n.name AND d.seq = o.seq
                    AND d.state IN ('sent', 'skipped', 'uncertain'))) AS queued
                FROM notifiers n ORDER BY n.name
                """).map { row in
                NotifierState(name: row["name"], type: row["type"], sinceSeq: row["since_seq"],
                              lastSuccess: row["last_success"], lastError: row["last_error"],
                              lastErrorTime: row["last_error_time"], consecutiveFailures: row["consecutive_failures"],
                              nextAttempt: row["next_attempt"], lastDigest: row["last_digest"], queued: row["queued"])
            }
        }
    }

    /// Alerts the notifier has neither sent nor set aside, oldest first.
    package func pendingNotify(_ name: String, limit: Int = 100) throws -> [NotifyEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT o.seq, o.alert_id, o.kind, o.line, o.summary, o.created, d.state FROM outbox o
                JOIN notifiers n ON n.name = ?
                LEFT JOIN notify_deliveries d ON d.notifier = n.name AND d.seq = o.seq
                WHERE o.seq > n.since_seq AND (d.state IS NULL OR d.state IN ('failed', 'sending'))
                ORDER BY o.seq LIMIT ?
                """, arguments: [name, limit]).map { row in
                NotifyEntry(entry: OutboxEntry(seq: row["seq"], alertID: row["alert_id"], kind: row["kind"],
                                               line: row["line"], summary: row["summary"]),
                            created: row["created"], state: row["state"])
            }
        }
    }

    /// Sets the delivery state of alerts for a notifier: "sending" (before the send: one more attempt), "sent",
    /// "failed", "skipped" (filtered out) or "uncertain" (a send interrupted by a crash, not repeated).
    package func markNotify(_ name: String, seqs: [Int64], state: String, now: Date = Date()) throws {
        guard !seqs.isEmpty else { return }
        let stamp = UTCTime.string(now)
        try pool.write { db in
            for seq in seqs {
                try db.execute(sql: """
                    INSERT INTO notify_deliveries(notifier, seq, state, attempts, updated) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(notifier, seq) DO UPDATE SET state = excluded.state,
                        attempts = attempts + excluded.attempts, updated = excluded.updated
                    """, arguments: [name, seq, state, state == "sending" ? 1 : 0, stamp])
            }
        }
    }

    /// How many attempts an alert has had with a notifier.
    package func notifyAttempts(_ name: String, seq: Int64) throws -> Int {
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT attempts FROM notify_deliveries WHERE notifier = ? AND seq = ?",
                             arguments: [name, seq]) ?? 0
        }
    }

    /// Records how an attempt went: a success clears the failures; a failure counts one and sets the next attempt.
    package func recordNotifyAttempt(_ name: String, error: String?, next: Date?, now: Date = Date()) throws {
        let stamp = UTCTime.string(now)
        try pool.write { db in
            if let error {
                try db.execute(sql: """
                    UPDATE notifiers SET consecutive_failures = consecutive_failures + 1, last_error = ?,
                        last_error_time = ?, next_attempt = ? WHERE name = ?
                    """, arguments: [error, stamp, next.map(UTCTime.string), name])
            } else {
                try db.execute(sql: """
                    UPDATE notifiers SET consecutive_failures = 0, last_success = ?, next_attempt = NULL WHERE name = ?
                    """, arguments: [stamp, name])
            }
        }
    }

    /// When the notifier's last digest went out (or was due with nothing to say).
    package func setLastDigest(_ name: String, _ time: Date) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE notifiers SET last_digest = ? WHERE name = ?", arguments: [UTCTime.string(time), name])
        }
    }

    /// The independent sources (document source or feed) the knowledge holds for the alert's fact: the city's
    /// sources for a new city, the sources of that value of that measure for a figure.
    package func sourceCount(for alert: Alert) throws -> Int {
        try pool.read { db in
            switch alert.kind {
            case .newCity:
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM city_sources WHERE city = ?",
                                        arguments: [alert.city ?? ""]) ?? 0
            case .newFigure, .changedFigure:
                guard let measure = alert.measure, let value = alert.value else { return 0 }
                let unit = (alert.unit ?? .count).rawValue
                guard let id = try Self.knownMeasure(db, city: alert.city ?? "", key: MeasureKey.canonical(measure),
                                                     unit: unit, label: measure, value: value) else { return 0 }
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM figure_sources WHERE measure = ? AND value = ?",
                                        arguments: [id, value]) ?? 0
            }
        }
    }
}
