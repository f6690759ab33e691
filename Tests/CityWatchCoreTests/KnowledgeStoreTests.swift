import Foundation
import Testing
@testable import CityWatchCore

@Suite struct KnowledgeStoreTests {
    let folder = temporaryFolder()

    @Test func reopeningKeepsKnowledgeAndUsesWAL() throws {
        do {
            let store = try KnowledgeStore(stateDir: folder)
            _ = try store.ingest(article("A"), facts: madeFacts("A", cities: ["Houston, TX"]), policy: DiffPolicy())
        }
        let store = try KnowledgeStore(stateDir: folder)
        #expect(try store.cities().map(\.city) == ["Houston, TX"])
        let mode = try store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func everyCountableTableExists() throws {
        let store = try KnowledgeStore(stateDir: folder)
        for table in KnowledgeStore.Table.allCases {
            #expect(try store.count(table) == 0, "\(table)")
        }
        let names = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations' AND name != 'meta'")
        }
        #expect(Set(names) == Set(KnowledgeStore.Table.allCases.map(\.rawValue)))
    }

    @Test func unusableStateFolderIsAnError() {
        FileManager.default.createFile(atPath: folder + "/file", contents: Data("x".utf8))
        #expect(throws: StoreError.self) { try KnowledgeStore(path: folder + "/file/knowledge.sqlite") }
    }

    @Test func feedStateKeepsValidatorsAndCountsFailures() throws {
        let store = try KnowledgeStore(stateDir: folder)
        try store.registerFeed(name: "wire", url: "https://example.org/rss")
        try store.recordFeedSuccess(name: "wire", etag: "\"abc\"", lastModified: "Wed, 18 Nov 2026 12:00:00 GMT")
        #expect(try store.feedState("wire")?.etag == "\"abc\"")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(try store.recordFeedFailure(name: "wire", error: "http 500", now: now) == 1)
        #expect(try store.recordFeedFailure(name: "wire", error: "http 429", retryAfter: 120, now: now) == 2)
        let state = try #require(try store.feedState("wire"))
        #expect(state.consecutiveFailures == 2)
        #expect(state.lastError == "http 429")
        #expect(state.retryAfter == KnowledgeTime.string(now.addingTimeInterval(120)))
        #expect(state.etag == "\"abc\"")   // a failure keeps the validators
        // A 304 sends no new validators: the old ones stay.
        try store.recordFeedSuccess(name: "wire", etag: nil, lastModified: nil)
        #expect(try store.feedState("wire")?.consecutiveFailures == 0)
        #expect(try store.feedState("wire")?.etag == "\"abc\"")
        // A changed URL drops validators that belonged to the old one.
        try store.registerFeed(name: "wire", url: "https://example.org/other")
        #expect(try store.feedState("wire")?.etag == nil)
    }

    @Test func seenItemsAreFoundByAnyKey() throws {
        let store = try KnowledgeStore(stateDir: folder)
        var record = article("A")
        record.seenKeys = ["id:1", "link:https://x/a", "hash:ff"]
        _ = try store.ingest(record, facts: madeFacts("A"), policy: DiffPolicy())
        #expect(try store.hasSeen(feed: "wire", keys: ["id:2", "link:https://x/a"]))
        #expect(try store.hasSeen(feed: "wire", keys: ["hash:ff"]))
        #expect(try !store.hasSeen(feed: "wire", keys: ["id:2"]))
        #expect(try !store.hasSeen(feed: "other", keys: ["id:1"]))
        try store.pruneSeenItems(olderThan: -60)
        #expect(try !store.hasSeen(feed: "wire", keys: ["id:1"]))
    }

    @Test func timesAreISOUTCToTheSecond() {
        #expect(KnowledgeTime.string(Date(timeIntervalSince1970: 1_795_003_205.7)) == "2026-11-18T12:00:05Z")
        #expect(KnowledgeTime.date("2026-11-18T12:00:05Z") == Date(timeIntervalSince1970: 1_795_003_205))
    }
}
