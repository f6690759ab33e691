import Foundation
import GRDB
import Synchronization
import CityWatchSupport
import CityWatchDocuments

/// The knowledge database (SQLite through GRDB, WAL): feeds' fetch state, seen items, articles, cities,
/// figures and the alert outbox.
package final class KnowledgeStore: Sendable {
    package let path: String
    let pool: DatabasePool
    /// Polls that changed nothing but their time, not yet written (see `recordFeedSuccess`).
    let quietPolls = Mutex(QuietPolls())
    /// Feed rows as last read or written, so a poll reads its validators without a query (see `feedState`).
    let feedRows = Mutex<[String: FeedState]>([:])

    /// Opens (creating when needed) the database at `path` and brings its schema up to date.
    package init(path: String) throws(StoreError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError(code: "store-unusable",
                             message: "cannot create the state folder \(folder): \(String(cString: strerror(errno))). Create it, make it writable by this user, or change [storage] state_dir.")
        }
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            configuration.label = "citywatch.knowledge"
            // WAL with synchronous=NORMAL survives a killed process intact; a power cut may lose the last
            // commits, which the next cycle redoes (items unseen again) and the log dedupes by alert id.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw StoreError(code: "store-unusable",
                             message: "cannot open the knowledge database \(path): \(error). Check that the state_dir exists and is writable by this user.")
        }
    }

    deinit { try? flushQuietPolls() }

    /// Opens `knowledge.sqlite` inside `stateDir`.
    package convenience init(stateDir: String) throws(StoreError) {
        try self.init(path: (stateDir as NSString).appendingPathComponent("knowledge.sqlite"))
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE feeds (
                    name TEXT PRIMARY KEY, url TEXT NOT NULL, etag TEXT, last_modified TEXT,
                    last_poll TEXT, last_success TEXT, last_error TEXT, last_error_time TEXT,
                    consecutive_failures INTEGER NOT NULL DEFAULT 0, retry_after TEXT,
                    items_seen INTEGER NOT NULL DEFAULT 0, alerts_raised INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE seen_items (feed TEXT NOT NULL, key TEXT NOT NULL, seen TEXT NOT NULL,
                    PRIMARY KEY (feed, key)) WITHOUT ROWID;
                CREATE INDEX seen_items_seen ON seen_items(seen);
                CREATE TABLE articles (
                    id INTEGER PRIMARY KEY, url TEXT, feed TEXT NOT NULL, source TEXT NOT NULL, title TEXT,
                    published TEXT, fetched TEXT NOT NULL, content_hash TEXT NOT NULL, relevant INTEGER NOT NULL);
                CREATE INDEX articles_url ON articles(url);
                CREATE INDEX articles_hash ON articles(content_hash);
                CREATE TABLE cities (city TEXT PRIMARY KEY, first_seen TEXT NOT NULL, first_article INTEGER,
                    articles INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE city_sightings (id INTEGER PRIMARY KEY, city TEXT NOT NULL, article INTEGER NOT NULL,
                    mentions INTEGER NOT NULL, evidence TEXT NOT NULL);
                CREATE INDEX city_sightings_city ON city_sightings(city);
                CREATE TABLE city_sources (city TEXT NOT NULL, source TEXT NOT NULL, articles INTEGER NOT NULL,
                    PRIMARY KEY (city, source)) WITHOUT ROWID;
                CREATE TABLE measures (
                    id INTEGER PRIMARY KEY, city TEXT NOT NULL, measure_key TEXT NOT NULL, unit TEXT NOT NULL,
                    label TEXT NOT NULL, first_seen TEXT NOT NULL, current_value REAL NOT NULL, updated TEXT NOT NULL,
                    UNIQUE (city, measure_key, unit));
                CREATE TABLE figure_values (
                    id INTEGER PRIMARY KEY, measure INTEGER NOT NULL, value REAL NOT NULL, first_seen TEXT NOT NULL,
                    last_seen TEXT NOT NULL, articles INTEGER NOT NULL, sources INTEGER NOT NULL,
                    UNIQUE (measure, value));
                CREATE TABLE figure_sources (measure INTEGER NOT NULL, value REAL NOT NULL, source TEXT NOT NULL,
                    PRIMARY KEY (measure, value, source)) WITHOUT ROWID;
                CREATE TABLE figures (
                    id INTEGER PRIMARY KEY, measure INTEGER NOT NULL, label TEXT NOT NULL, value REAL NOT NULL,
                    qualifier TEXT, article INTEGER NOT NULL, evidence TEXT NOT NULL, time TEXT NOT NULL);
                CREATE INDEX figures_measure ON figures(measure, value);
                CREATE TABLE outbox (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, alert_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
                    line TEXT NOT NULL, summary TEXT NOT NULL, created TEXT NOT NULL, delivered INTEGER NOT NULL DEFAULT 0,
                    webhook_delivered INTEGER NOT NULL DEFAULT 0, webhook_attempts INTEGER NOT NULL DEFAULT 0,
                    webhook_next TEXT);
                CREATE INDEX outbox_pending ON outbox(delivered, seq);
                """)
        }
        migrator.registerMigration("v2") { db in
            // Items being read, so one that kills the process is skipped instead of killing every restart.
            try db.execute(sql: """
                CREATE TABLE item_attempts (feed TEXT NOT NULL, key TEXT NOT NULL, attempts INTEGER NOT NULL,
                    last TEXT NOT NULL, PRIMARY KEY (feed, key)) WITHOUT ROWID;
                CREATE INDEX articles_fetched ON articles(fetched);
                """)
        }
        migrator.registerMigration("v3") { db in try Self.createNotifyTables(db) }
        // GRDB runs it with foreign keys off and checks every reference at its end (`foreignKeyChecks: .deferred`).
        migrator.registerMigration("v4") { db in try Self.addForeignKeys(db) }
        return migrator
    }

    /// Migration v4: the references between tables become foreign keys, so SQLite keeps them true. An article's own
    /// rows (its city sightings and figure rows) go with it when housekeeping deletes it; a city first seen in it
    /// keeps its first-seen time and forgets the article; measures, their values and the values' sources are the
    /// knowledge and are never deleted through an article. A notifier's deliveries go with the notifier, and each
    /// names an alert of the outbox. Rows left pointing at nothing by earlier versions (figure rows of pruned articles)
    /// are deleted first, as the cascade would have done. Tables are rebuilt in SQLite's documented way (a new table,
    /// the rows copied, the old one dropped, the new one renamed), their indexes made again, and the child columns
    /// get indexes of their own so a cascade does not scan.
    static func addForeignKeys(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM city_sightings WHERE article NOT IN (SELECT id FROM articles);
            UPDATE cities SET first_article = NULL WHERE first_article NOT IN (SELECT id FROM articles);
            DELETE FROM figures WHERE article NOT IN (SELECT id FROM articles) OR measure NOT IN (SELECT id FROM measures);
            DELETE FROM figure_values WHERE measure NOT IN (SELECT id FROM measures);
            DELETE FROM figure_sources WHERE NOT EXISTS
                (SELECT 1 FROM figure_values v WHERE v.measure = figure_sources.measure AND v.value = figure_sources.value);
            DELETE FROM notify_deliveries WHERE notifier NOT IN (SELECT name FROM notifiers) OR seq NOT IN (SELECT seq FROM outbox);

            CREATE TABLE new_cities (city TEXT PRIMARY KEY, first_seen TEXT NOT NULL,
                first_article INTEGER REFERENCES articles(id) ON DELETE SET NULL, articles INTEGER NOT NULL DEFAULT 0);
            INSERT INTO new_cities SELECT city, first_seen, first_article, articles FROM cities;
            DROP TABLE cities;
            ALTER TABLE new_cities RENAME TO cities;
            CREATE INDEX cities_first_article ON cities(first_article);

            CREATE TABLE new_city_sightings (id INTEGER PRIMARY KEY, city TEXT NOT NULL,
                article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                mentions INTEGER NOT NULL, evidence TEXT NOT NULL);
            INSERT INTO new_city_sightings SELECT id, city, article, mentions, evidence FROM city_sightings;
            DROP TABLE city_sightings;
            ALTER TABLE new_city_sightings RENAME TO city_sightings;
            CREATE INDEX city_sightings_city ON city_sightings(city);
            CREATE INDEX city_sightings_article ON city_sightings(article);

            CREATE TABLE new_figure_values (id INTEGER PRIMARY KEY, measure INTEGER NOT NULL REFERENCES measures(id),
                value REAL NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, articles INTEGER NOT NULL,
                sources INTEGER NOT NULL, UNIQUE (measure, value));
            INSERT INTO new_figure_values SELECT id, measure, value, first_seen, last_seen, articles, sources FROM figure_values;
            DROP TABLE figure_values;
            ALTER TABLE new_figure_values RENAME TO figure_values;

            CREATE TABLE new_figure_sources (measure INTEGER NOT NULL, value REAL NOT NULL, source TEXT NOT NULL,
                PRIMARY KEY (measure, value, source),
                FOREIGN KEY (measure, value) REFERENCES figure_values(measure, value)) WITHOUT ROWID;
            INSERT INTO new_figure_sources SELECT measure, value, source FROM figure_sources;
            DROP TABLE figure_sources;
            ALTER TABLE new_figure_sources RENAME TO figure_sources;

            CREATE TABLE new_figures (id INTEGER PRIMARY KEY, measure INTEGER NOT NULL REFERENCES measures(id),
                label TEXT NOT NULL, value REAL NOT NULL, qualifier TEXT,
                article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, evidence TEXT NOT NULL, time TEXT NOT NULL);
            INSERT INTO new_figures SELECT id, measure, label, value, qualifier, article, evidence, time FROM figures;
            DROP TABLE figures;
            ALTER TABLE new_figures RENAME TO figures;
            CREATE INDEX figures_measure ON figures(measure, value);
            CREATE INDEX figures_article ON figures(article);

            CREATE TABLE new_notify_deliveries (notifier TEXT NOT NULL REFERENCES notifiers(name) ON DELETE CASCADE,
                seq INTEGER NOT NULL REFERENCES outbox(seq), state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
                updated TEXT NOT NULL, PRIMARY KEY (notifier, seq)) WITHOUT ROWID;
            INSERT INTO new_notify_deliveries SELECT notifier, seq, state, attempts, updated FROM notify_deliveries;
            DROP TABLE notify_deliveries;
            ALTER TABLE new_notify_deliveries RENAME TO notify_deliveries;
            CREATE INDEX notify_deliveries_seq ON notify_deliveries(seq);
            """)
    }

    // MARK: meta

    /// A value from the store's own key/value table.
    package func meta(_ key: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    package func setMeta(_ key: String, _ value: String) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    /// Whether the seeds have been imported (the baseline is taken once).
    package var seedsImported: Bool { (try? meta("seeds_imported")) != nil }

    /// A table whose rows `count(_:)` can count: a closed set, so no caller's string is pasted into SQL.
    package enum Table: String, Sendable, CaseIterable {
        case feeds, articles, cities, measures, figures, outbox, notifiers
        case seenItems = "seen_items", citySightings = "city_sightings", citySources = "city_sources"
        case figureValues = "figure_values", figureSources = "figure_sources", itemAttempts = "item_attempts"
        case notifyDeliveries = "notify_deliveries"
    }

    /// Number of rows in a table (for tests, status and benchmarks).
    package func count(_ table: Table) throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.rawValue)") ?? 0 }
    }

    /// Marks item keys seen for a feed without recording an article.
    package func markSeen(feed: String, keys: [String], now: Date = Date()) async throws {
        let stamp = UTCTime.string(now)
        try await pool.write { db in
            for key in keys {
                try db.execute(sql: "INSERT OR IGNORE INTO seen_items(feed, key, seen) VALUES (?, ?, ?)", arguments: [feed, key, stamp])
            }
        }
    }

    /// Whether a feed already saw an item under any of these keys (id, link, content hash).
    package func hasSeen(feed: String, keys: [String]) async throws -> Bool {
        guard !keys.isEmpty else { return false }
        return try await pool.read { db in
            let marks = Array(repeating: "?", count: keys.count).joined(separator: ",")
            var args: [DatabaseValueConvertible] = [feed]
            args.append(contentsOf: keys)
            let statement = try db.cachedStatement(sql: "SELECT EXISTS(SELECT 1 FROM seen_items WHERE feed = ? AND key IN (\(marks)))")
            return try Bool.fetchOne(statement, arguments: StatementArguments(args)) ?? false
        }
    }
}

/// The knowledge store cannot be opened or written.
package struct StoreError: Error, Sendable, CustomStringConvertible {
    package var code: String
    package var message: String
    package init(code: String, message: String) { self.code = code; self.message = message }
    package var description: String { message }
}
