import Foundation
import GRDB
import Testing
@testable import CityWatchSupport
@testable import CityWatchExtraction
@testable import CityWatchKnowledge

/// The store's references are foreign keys (migration v4): an article's own rows go with it, the knowledge stays,
/// and a store written by an earlier version, orphans and all, is brought over intact.
@Suite struct KnowledgeStoreForeignKeyTests {
    let folder = temporaryFolder()

    @Test func pruningAnArticleTakesItsOwnRowsAndKeepsTheKnowledge() throws {
        let store = try KnowledgeStore(path: folder + "/k.sqlite")
        let now = Date()
        let old = now.addingTimeInterval(-200 * 86_400)
        _ = try store.ingest(article("Old"), facts: madeFacts("Old", cities: ["Chicago, IL"],
                                                                figures: [figure("Chicago, IL", "arrests", 400)]),
                             policy: DiffPolicy(), now: old)
        _ = try store.ingest(article("Fresh"), facts: madeFacts("Fresh", cities: ["Chicago, IL"],
                                                                    figures: [figure("Chicago, IL", "arrests", 400)]),
                             policy: DiffPolicy(), now: now)
        #expect(try store.count(.figures) == 2 && store.count(.citySightings) == 2)
        try store.pruneSeenItems(olderThan: 182 * 86_400, now: now)
        #expect(try store.count(.articles) == 1)
        #expect(try store.count(.figures) == 1)
        #expect(try store.count(.citySightings) == 1)
        #expect(try store.count(.measures) == 1 && store.count(.figureValues) == 1 && store.count(.figureSources) == 1)
        let first = try store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT first_seen, first_article FROM cities WHERE city = 'Chicago, IL'")
        }
        #expect(first?["first_seen"] as String? == UTCTime.string(old))
        #expect(first?["first_article"] as Int64? == nil)
        #expect(try store.pool.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }.isEmpty)
    }

    @Test func aReferenceToNothingIsRefused() throws {
        let store = try KnowledgeStore(path: folder + "/k.sqlite")
        #expect(throws: DatabaseError.self) {
            try store.pool.write { db in
                try db.execute(sql: "INSERT INTO figures(measure, label, value, article, evidence, time) VALUES (77, 'arrests', 1, 88, 'x', 't')")
            }
        }
    }

    @Test func aStoreOfTheEarlierSchemaIsBroughtOverWithItsOrphansCleared() throws {
        let path = folder + "/k.sqlite"
        do {
            let queue = try DatabaseQueue(path: path)
            try KnowledgeStore.migrator.migrate(queue, upTo: "v3")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO articles(id, url, feed, source, title, fetched, content_hash, relevant)
                        VALUES (1, 'https://example.org/a', 'wire', 'example.org', 'A', '2026-11-01T00:00:00Z', 'aa', 1);
                    INSERT INTO cities VALUES ('Chicago, IL', '2026-10-01T00:00:00Z', 9, 2);
                    INSERT INTO cities VALUES ('Denver, CO', '2026-11-01T00:00:00Z', 1, 1);
                    INSERT INTO city_sightings(city, article, mentions, evidence) VALUES ('Denver, CO', 1, 1, 'Denver.');
                    INSERT INTO measures(id, city, measure_key, unit, label, first_seen, current_value, updated)
                        VALUES (5, 'Denver, CO', 'arrests', 'count', 'arrests', '2026-10-01T00:00:00Z', 40, '2026-11-01T00:00:00Z');
                    INSERT INTO figure_values(measure, value, first_seen, last_seen, articles, sources)
                        VALUES (5, 40, '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z', 2, 1);
                    INSERT INTO figure_sources VALUES (5, 40, 'example.org');
                    INSERT INTO figure_sources VALUES (5, 41, 'example.org');
                    INSERT INTO figures(measure, label, value, article, evidence, time) VALUES (5, 'arrests', 40, 1, 'kept', 't');
                    INSERT INTO figures(measure, label, value, article, evidence, time) VALUES (5, 'arrests', 40, 9, 'pruned', 't');
                    """)
            }
        }
        let store = try KnowledgeStore(path: path)
        let evidence = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT evidence FROM figures") }
        #expect(evidence == ["kept"])
        #expect(try store.count(.figureSources) == 1)
        #expect(try store.count(.citySightings) == 1)
        #expect(try store.cities().map(\.city).sorted() == ["Chicago, IL", "Denver, CO"])
        let references = try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pragma_foreign_key_list('figures')")
        }
        #expect(references == 2)
        #expect(try store.pool.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }.isEmpty)
        // The rebuilt tables take writes as before.
        _ = try store.ingest(article("B"), facts: madeFacts("B", cities: ["Denver, CO"], figures: [figure("Denver, CO", "arrests", 55)]),
                             policy: DiffPolicy())
        #expect(try store.count(.figures) == 2)
    }
}
