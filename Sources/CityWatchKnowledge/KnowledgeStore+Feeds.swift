import Foundation
import GRDB
import CityWatchSupport

/// What the store remembers about polling one feed (conditional GET validators, health).
package struct FeedState: Sendable, Equatable {
    package var name: String
    package var url: String
    package var etag: String?
    package var lastModified: String?
    package var lastPoll: String?
    package var lastSuccess: String?
    package var lastError: String?
    package var lastErrorTime: String?
    package var consecutiveFailures: Int
    /// ISO 8601 time before which the server asked not to be polled again (429/503 Retry-After).
    package var retryAfter: String?
    package var itemsSeen: Int
    package var alertsRaised: Int
}

extension KnowledgeStore {
    /// The stored state of a feed, nil before its first poll.
    ///
    /// The row is read once and kept in memory: every write to it through this store drops the copy (or, for
    /// quiet polls, updates it), so a poll that changes nothing costs no query. Another process writing the same
    /// feed's row at the same time (two daemons on one state folder) could leave the copy stale: at worst its
    /// validators are old, and the server answers 200 instead of 304.
    package func feedState(_ name: String) throws -> FeedState? {
        let quiet = quietPolls.withLock { $0.stamps[name] }
        var state = feedRows.withLock { $0[name] }
        if state == nil {
            state = try pool.read { db in
                try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM feeds WHERE name = ?"), arguments: [name]).map(Self.feedState)
            }
            if let state { feedRows.withLock { $0[name] = state } }
        }
        if let quiet { state?.lastPoll = quiet; state?.lastSuccess = quiet }
        return state
    }

    /// Drops the copy of a feed's row after a write to it (also a failed one: the row may have changed).
    func forgetFeedRow(_ name: String) {
        feedRows.withLock { _ = $0.removeValue(forKey: name) }
    }

    /// Every feed the store has polled, by name.
    package func feedStates() throws -> [FeedState] {
        try flushQuietPolls()
        return try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM feeds ORDER BY name").map(Self.feedState) }
    }

    static func feedState(_ row: Row) -> FeedState {
        FeedState(name: row["name"], url: row["url"], etag: row["etag"], lastModified: row["last_modified"],
                  lastPoll: row["last_poll"], lastSuccess: row["last_success"], lastError: row["last_error"],
                  lastErrorTime: row["last_error_time"], consecutiveFailures: row["consecutive_failures"],
                  retryAfter: row["retry_after"], itemsSeen: row["items_seen"], alertsRaised: row["alerts_raised"])
    }

    /// Makes sure a feed has a row (so item and alert counters can be kept), updating its URL.
    package func registerFeed(name: String, url: String) async throws {
        defer { forgetFeedRow(name) }
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO feeds(name, url) VALUES (?, ?)
                ON CONFLICT(name) DO UPDATE SET url = excluded.url,
                    etag = CASE WHEN feeds.url = excluded.url THEN feeds.etag END,
                    last_modified = CASE WHEN feeds.url = excluded.url THEN feeds.last_modified END
                """, arguments: [name, url])
        }
    }

    /// A poll that worked (also a 304); validators are kept only when the server sent new ones.
    ///
    /// A quiet poll (`previous` says the feed was healthy and the validators did not change) changes only the
    /// poll's time: that is kept in memory and written with the other quiet polls in one transaction, at most
    /// `quietPollFlushInterval` later, before every read of all feeds, and when the store closes. A crash loses at
    /// most those times, never an item, a figure or an alert.
    package func recordFeedSuccess(name: String, etag: String?, lastModified: String?, now: Date = Date(),
                                  previous: FeedState? = nil) async throws {
        let stamp = UTCTime.string(now)
        if let previous, previous.consecutiveFailures == 0, previous.retryAfter == nil, previous.lastSuccess != nil,
           etag == nil || etag == previous.etag, lastModified == nil || lastModified == previous.lastModified {
            let due = quietPolls.withLock { quiet -> Bool in
                quiet.stamps[name] = stamp
                let since = quiet.since ?? now
                quiet.since = since
                return now.timeIntervalSince(since) >= Self.quietPollFlushInterval || quiet.stamps.count >= 10_000
            }
            // The flush is a transaction: it runs on the blocking executor, not on the caller's task pool.
            if due { try await BlockingExecutor.shared.run { try self.flushQuietPolls() } }
            return
        }
        quietPolls.withLock { _ = $0.stamps.removeValue(forKey: name) }
        defer { forgetFeedRow(name) }
        try await pool.write { db in
            try db.cachedStatement(sql: """
                UPDATE feeds SET etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),
                    last_poll = ?, last_success = ?, consecutive_failures = 0, retry_after = NULL WHERE name = ?
                """).execute(arguments: [etag, lastModified, stamp, stamp, name])
        }
    }

    /// The longest a quiet poll's time waits in memory.
    static let quietPollFlushInterval: TimeInterval = 5

    /// Writes the quiet polls' times kept in memory, in one transaction.
    package func flushQuietPolls() throws {
        let stamps = quietPolls.withLock { quiet in
            defer { quiet = QuietPolls() }
            return quiet.stamps
        }
        guard !stamps.isEmpty else { return }
        do {
            try pool.write { db in
                let statement = try db.cachedStatement(sql: "UPDATE feeds SET last_poll = ?, last_success = ? WHERE name = ? AND consecutive_failures = 0")
                for (name, stamp) in stamps { try statement.execute(arguments: [stamp, stamp, name]) }
            }
        } catch {
            feedRows.withLock { rows in for name in stamps.keys { rows[name] = nil } }
            throw error
        }
        // The copies change as the rows did.
        feedRows.withLock { rows in
            for (name, stamp) in stamps where rows[name]?.consecutiveFailures == 0 {
                rows[name]?.lastPoll = stamp
                rows[name]?.lastSuccess = stamp
            }
        }
    }

    /// A poll that failed; returns the number of consecutive failures so far.
    @discardableResult
    package func recordFeedFailure(name: String, error: String, retryAfter: TimeInterval? = nil, now: Date = Date()) async throws -> Int {
        let stamp = UTCTime.string(now)
        quietPolls.withLock { _ = $0.stamps.removeValue(forKey: name) }
        let until = retryAfter.map { UTCTime.string(now.addingTimeInterval(min($0, 86400))) }
        defer { forgetFeedRow(name) }
        return try await pool.write { db in
            try db.execute(sql: """
                UPDATE feeds SET last_poll = ?, last_error = ?, last_error_time = ?,
                    consecutive_failures = consecutive_failures + 1, retry_after = ? WHERE name = ?
                """, arguments: [stamp, error, stamp, until, name])
            return try Int.fetchOne(db, sql: "SELECT consecutive_failures FROM feeds WHERE name = ?", arguments: [name]) ?? 1
        }
    }

    /// Forgets seen-item keys and reading attempts older than `age`, and articles older than `age` (irrelevant
    /// ones after `irrelevantAge`) with their own rows, city sightings and figure rows (the foreign keys' cascade):
    /// the tables stay bounded however much a feed lists. The cities, measures, figure values and sources learnt
    /// from them stay.
    package func pruneSeenItems(olderThan age: TimeInterval, irrelevantAge: TimeInterval = 30 * 86_400,
                               now: Date = Date()) throws {
        let cutoff = UTCTime.string(now.addingTimeInterval(-age))
        let irrelevantCutoff = UTCTime.string(now.addingTimeInterval(-min(age, irrelevantAge)))
        try pool.write { db in
            try db.execute(sql: "DELETE FROM seen_items WHERE seen < ?", arguments: [cutoff])
            try db.execute(sql: "DELETE FROM item_attempts WHERE last < ?", arguments: [cutoff])
            try db.execute(sql: "DELETE FROM articles WHERE fetched < ? OR (relevant = 0 AND fetched < ?)",
                           arguments: [cutoff, irrelevantCutoff])
        }
    }

    /// How many times reading this item was started (under any of its keys) without it being recorded.
    package func itemAttempts(feed: String, keys: [String]) async throws -> Int {
        guard let key = keys.last else { return 0 }
        return try await pool.read { db in
            try Int.fetchOne(db, sql: "SELECT attempts FROM item_attempts WHERE feed = ? AND key = ?", arguments: [feed, key]) ?? 0
        }
    }

    /// Records that reading the item starts (one attempt more), or sets the count to at least `count`.
    package func recordItemAttempt(feed: String, keys: [String], now: Date = Date(), count: Int? = nil) async throws {
        guard let key = keys.last else { return }
        let stamp = UTCTime.string(now)
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO item_attempts(feed, key, attempts, last) VALUES (?, ?, ?, ?)
                ON CONFLICT(feed, key) DO UPDATE SET attempts = MAX(attempts + (? IS NULL), COALESCE(?, 0)), last = excluded.last
                """, arguments: [feed, key, count ?? 1, stamp, count, count])
        }
    }
}

/// Quiet polls' times by feed, and when the oldest was kept.
struct QuietPolls: Sendable {
    var stamps: [String: String] = [:]
    var since: Date?
}
