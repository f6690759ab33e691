import Foundation
import Testing
@testable import CityWatchSupport
@testable import CityWatchDocuments
@testable import CityWatchKnowledge

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

    @Test func feedStateKeepsValidatorsAndCountsFailures() async throws {
        let store = try KnowledgeStore(stateDir: folder)
        try await store.registerFeed(name: "wire", url: "https://example.org/rss")
        try await store.recordFeedSuccess(name: "wire", etag: "\"abc\"", lastModified: "Wed, 18 Nov 2026 12:00:00 GMT")
        #expect(try store.feedState("wire")?.etag == "\"abc\"")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(try await store.recordFeedFailure(name: "wire", error: "http 500", now: now) == 1)
        #expect(try await store.recordFeedFailure(name: "wire", error: "http 429", retryAfter: 120, now: now) == 2)
        let state = try #require(try store.feedState("wire"))
        #expect(state.consecutiveFailures == 2)
        #expect(state.lastError == "http 429")
        #expect(state.retryAfter == UTCTime.string(now.addingTimeInterval(120)))
        #expect(state.etag == "\"abc\"")   // a failure keeps the validators
        // A 304 sends no new validators: the old ones stay.
        try await store.recordFeedSuccess(name: "wire", etag: nil, lastModified: nil)
        #expect(try store.feedState("wire")?.consecutiveFailures == 0)
        #expect(try store.feedState("wire")?.etag == "\"abc\"")
        // A changed URL drops validators that belonged to the old one.
        try await store.registerFeed(name: "wire", url: "https://example.org/other")
        #expect(try store.feedState("wire")?.etag == nil)
    }

    /// A quiet poll (healthy feed, same validators) writes no transaction of its own: its time is kept in memory,
    /// seen by this store at once and written for other processes by the next flush.
    @Test func quietPollsAreWrittenTogether() async throws {
        let store = try KnowledgeStore(stateDir: folder)
        // What another process (`citywatch status`) reads: a store of its own, opened for each look.
        struct Other { let folder: String; func feedState(_ name: String) throws -> FeedState? { try KnowledgeStore(stateDir: folder).feedState(name) } }
        let other = Other(folder: folder)
        try await store.registerFeed(name: "wire", url: "https://example.org/rss")
        let first = Date(timeIntervalSince1970: 1_800_000_000)
        try await store.recordFeedSuccess(name: "wire", etag: "\"v1\"", lastModified: nil, now: first)
        let previous = try #require(try store.feedState("wire"))
        let later = first.addingTimeInterval(1)
        try await store.recordFeedSuccess(name: "wire", etag: "\"v1\"", lastModified: nil, now: later, previous: previous)
        #expect(try store.feedState("wire")?.lastSuccess == UTCTime.string(later))
        #expect(try other.feedState("wire")?.lastSuccess == UTCTime.string(first))
        try store.flushQuietPolls()
        #expect(try other.feedState("wire")?.lastSuccess == UTCTime.string(later))
        // New validators are not quiet: written at once.
        let third = later.addingTimeInterval(1)
        try await store.recordFeedSuccess(name: "wire", etag: "\"v2\"", lastModified: nil, now: third,
                                    previous: try store.feedState("wire"))
        #expect(try other.feedState("wire")?.etag == "\"v2\"")
        // Nor is a recovery; and a failure in between drops the quiet time kept for it.
        let fourth = third.addingTimeInterval(1)
        try await store.recordFeedSuccess(name: "wire", etag: nil, lastModified: nil, now: fourth, previous: try store.feedState("wire"))
        try await store.recordFeedFailure(name: "wire", error: "http 500", now: fourth.addingTimeInterval(1))
        try store.flushQuietPolls()
        let failing = try #require(try other.feedState("wire"))
        #expect(failing.consecutiveFailures == 1)
        #expect(failing.lastSuccess == UTCTime.string(third))
        try await store.recordFeedSuccess(name: "wire", etag: nil, lastModified: nil, now: fourth.addingTimeInterval(2), previous: failing)
        #expect(try other.feedState("wire")?.consecutiveFailures == 0)
        // Reading every feed writes what is kept first; so does the quiet time's age.
        let fifth = fourth.addingTimeInterval(3)
        try await store.recordFeedSuccess(name: "wire", etag: nil, lastModified: nil, now: fifth, previous: try store.feedState("wire"))
        _ = try store.feedStates()
        #expect(try other.feedState("wire")?.lastSuccess == UTCTime.string(fifth))
        let sixth = fifth.addingTimeInterval(1)
        try await store.recordFeedSuccess(name: "wire", etag: nil, lastModified: nil, now: sixth, previous: try store.feedState("wire"))
        let due = sixth.addingTimeInterval(KnowledgeStore.quietPollFlushInterval)
        try await store.recordFeedSuccess(name: "wire", etag: nil, lastModified: nil, now: due, previous: try store.feedState("wire"))
        #expect(try other.feedState("wire")?.lastSuccess == UTCTime.string(due))
    }

    /// A feed's row is read once and kept: every write through the store shows in what the next poll reads.
    @Test func keptFeedRowFollowsEveryWrite() async throws {
        let store = try KnowledgeStore(stateDir: folder)
        try await store.registerFeed(name: "wire", url: "https://example.org/rss")
        #expect(try store.feedState("wire")?.itemsSeen == 0)
        _ = try store.ingest(article("A", feed: "wire"), facts: madeFacts("A", cities: ["Houston, TX"]), policy: DiffPolicy())
        #expect(try store.feedState("wire")?.itemsSeen == 1)
        let first = Date(timeIntervalSince1970: 1_800_000_000)
        try await store.recordFeedSuccess(name: "wire", etag: "\"v1\"", lastModified: nil, now: first)
        #expect(try store.feedState("wire")?.etag == "\"v1\"")
        try await store.recordFeedSuccess(name: "wire", etag: nil, lastModified: nil, now: first.addingTimeInterval(1),
                                    previous: try store.feedState("wire"))
        try store.flushQuietPolls()
        // After the flush the kept row and the database agree.
        #expect(try store.feedState("wire")?.lastPoll == UTCTime.string(first.addingTimeInterval(1)))
        #expect(try KnowledgeStore(stateDir: folder).feedState("wire") == store.feedState("wire"))
        try await store.recordFeedFailure(name: "wire", error: "http 503", now: first.addingTimeInterval(2))
        #expect(try store.feedState("wire")?.consecutiveFailures == 1)
        #expect(try store.feedState("wire")?.lastSuccess == UTCTime.string(first.addingTimeInterval(1)))
        try await store.registerFeed(name: "wire", url: "https://example.org/moved")
        #expect(try store.feedState("wire")?.url == "https://example.org/moved")
        #expect(try store.feedState("wire")?.etag == nil)
    }

    @Test func seenItemsAreFoundByAnyKey() async throws {
        let store = try KnowledgeStore(stateDir: folder)
        var record = article("A")
        record.seenKeys = ["id:1", "link:https://x/a", "hash:ff"]
        _ = try store.ingest(record, facts: madeFacts("A"), policy: DiffPolicy())
        #expect(try await store.hasSeen(feed: "wire", keys: ["id:2", "link:https://x/a"]))
        #expect(try await store.hasSeen(feed: "wire", keys: ["hash:ff"]))
        #expect(try await store.hasSeen(feed: "wire", keys: ["id:2"]) == false)
        #expect(try await store.hasSeen(feed: "other", keys: ["id:1"]) == false)
        try store.pruneSeenItems(olderThan: -60)
        #expect(try await store.hasSeen(feed: "wire", keys: ["id:1"]) == false)
    }
}
