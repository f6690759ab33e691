import Foundation
import GRDB
import CityWatchSupport

/// An alert committed with its knowledge, waiting to be (or already) written to the log.
package struct OutboxEntry: Sendable, Equatable {
    package var seq: Int64
    package var alertID: String
    package var kind: String
    /// The alert log line, fixed at commit so a re-delivery writes the very same bytes.
    package var line: String
    /// The readable journald line.
    package var summary: String
}

extension KnowledgeStore {
    /// Alerts not yet confirmed in the log, oldest first.
    package func pendingLogAlerts() throws -> [OutboxEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, alert_id, kind, line, summary FROM outbox WHERE delivered = 0 ORDER BY seq")
                .map { OutboxEntry(seq: $0["seq"], alertID: $0["alert_id"], kind: $0["kind"], line: $0["line"], summary: $0["summary"]) }
        }
    }

    /// Records that these alerts are in the log.
    package func markLogDelivered(_ seqs: [Int64]) throws {
        guard !seqs.isEmpty else { return }
        try pool.write { db in
            for seq in seqs { try db.execute(sql: "UPDATE outbox SET delivered = 1 WHERE seq = ?", arguments: [seq]) }
        }
    }

    /// Alerts the webhook has not taken yet, oldest first (for the webhook sink).
    package func pendingWebhookAlerts(limit: Int = 100) throws -> [OutboxEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, alert_id, kind, line, summary FROM outbox WHERE webhook_delivered = 0 ORDER BY seq LIMIT ?",
                             arguments: [limit])
                .map { OutboxEntry(seq: $0["seq"], alertID: $0["alert_id"], kind: $0["kind"], line: $0["line"], summary: $0["summary"]) }
        }
    }

    /// Records a webhook delivery (or, with `delivered == false`, one more failed attempt and when to retry).
    package func recordWebhook(seq: Int64, delivered: Bool, next: Date? = nil) throws {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE outbox SET webhook_delivered = ?, webhook_attempts = webhook_attempts + ?, webhook_next = ? WHERE seq = ?
                """, arguments: [delivered, delivered ? 0 : 1, next.map(UTCTime.string), seq])
        }
    }
}
