import Foundation
import Logging
import CityWatchSupport
import CityWatchFetching
import CityWatchDocuments
import CityWatchKnowledge
import CityWatchConfig
import CityWatchAlerts

/// One full pass over every feed: fetch, parse, extract, diff, alert. `citywatch run --once` is one Cycle;
/// the daemon runs `poll(_:)` per feed on its own schedule.
package struct Cycle: Sendable {
    package var config: Config
    package var store: KnowledgeStore
    package var pipeline: Pipeline
    /// true: record knowledge without alerting (`--learn`).
    package var learn: Bool
    /// true (`run --once`): each failing poll is reported as an error. false (the daemon): the scheduler reports a
    /// feed once when it starts failing and once when it recovers, so each poll's failure goes out at debug level.
    package var reportFailures: Bool
    /// Diagnostics (errors, warnings, info), with the feed as metadata; `run --once` and the daemon write them as
    /// journald lines (`JournalLogHandler`: `<3>` errors, `<4>` warnings, `<6>` info).
    package var logger: Logger
    package var now: @Sendable () -> Date
    package var delivery: AlertDelivery
    /// Bounds on what one poll may read, spend and raise.
    package var limits = CycleLimits()
    /// Article fetches of every poll share one per-host limit.
    package let articleGate = HostGate(perHost: 2)

    package init(config: Config, store: KnowledgeStore, pipeline: Pipeline, learn: Bool = false,
                reportFailures: Bool = true,
                logger: Logger = Cycle.journal { StandardError.write($0) },
                echo: @escaping @Sendable (String) -> Void = { StandardError.write($0 + "\n") },
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.config = config; self.store = store; self.pipeline = pipeline; self.learn = learn; self.reportFailures = reportFailures
        self.logger = logger; self.now = now
        self.delivery = AlertDelivery(store: store, log: AlertLog(path: config.alertLog),
                                      atom: config.atomFeed.map { AtomFeedFile(path: $0) }, echo: echo)
    }

    var policy: DiffPolicy {
        DiffPolicy(alert: !learn, requireRelevant: true, watched: Set(config.watchedCities), ignored: Set(config.ignoredCities))
    }

    /// Runs the cycle: pending alerts delivered, seeds imported once, then every feed (at most `concurrency` at a time).
    package func run() async throws -> CycleReport {
        try delivery.log.checkWritable()
        var report = CycleReport()
        // Alerts committed before a crash go out first; the seeds are read once. Both block (the log's fsync, the
        // store's writes): they run on the blocking executor's threads, as a poll's own writes do.
        report.seedsImported = try await BlockingExecutor.shared.run { [self] in
            try delivery.deliverPending()
            return try importSeedsIfNeeded()
        }
        report.feeds = config.feeds.count
        let outcomes = try await withThrowingTaskGroup(of: (Int, FeedOutcome).self) { group in
            var results: [(Int, FeedOutcome)] = []
            var next = 0
            func launch() {
                let index = next
                let feed = config.feeds[index]
                group.addTask { (index, try await poll(feed)) }
                next += 1
            }
            while next < config.feeds.count && next < max(1, config.concurrency) { launch() }
            while let result = try await group.next() {
                results.append(result)
                if next < config.feeds.count { launch() }
            }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        for outcome in outcomes {
            if let error = outcome.error { report.failedFeeds.append("\(outcome.feed): \(error)") }
            report.newItems += outcome.newItems
            report.relevantArticles += outcome.relevant
            report.alerts += outcome.alerts
        }
        try await BlockingExecutor.shared.run { [delivery, store] in
            try delivery.deliverPending()
            try store.flushQuietPolls()
        }
        return report
    }

    /// Imports `seeds_dir` as known knowledge (no alerts) on the store's first start; returns the documents read.
    package func importSeedsIfNeeded() throws -> Int {
        guard !store.seedsImported else { return 0 }
        var count = 0
        if let dir = config.seedsDir {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            let kinds: Set<String> = ["txt", "html", "htm"]
            for name in names.sorted() where !name.hasPrefix(".") && kinds.contains((name as NSString).pathExtension.lowercased()) {
                let path = (dir as NSString).appendingPathComponent(name)
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
                      let data = FileManager.default.contents(atPath: path) else { continue }
                let document: Document
                do { document = try DocumentReader.read(data) } catch {
                    logger.warning("citywatch: seed \(path) skipped: \(error)")
                    continue
                }
                let facts = pipeline.facts(document)
                let record = ArticleRecord(url: "seed:\(name)", feed: "seeds", source: document.source ?? "seeds",
                                           title: document.title ?? facts.title, published: document.published,
                                           contentHash: Self.hash(SeedTextRenderer.render(document)))
                _ = try store.ingest(record, facts: facts, policy: DiffPolicy(alert: false, requireRelevant: false), now: now())
                count += 1
            }
        }
        try store.setMeta("seeds_imported", UTCTime.string(now()))
        return count
    }

    /// A logger writing journald lines to `write` (standard error for `run --once`; tests capture them).
    package static func journal(level: Logger.Level = .info, _ write: @escaping @Sendable (String) -> Void) -> Logger {
        Logger(label: "citywatch") { JournalLogHandler(label: $0, level: level, write: write) }
    }

    /// FNV-1a 64 as hex: content hashes for seen items and duplicate articles.
    static func hash(_ text: String) -> String { AlertID.hex(AlertID.fnv1a64(text)) }
}

/// What polling one feed did.
package struct FeedOutcome: Sendable, Equatable {
    package var feed: String
    /// Why the feed failed (nil when it worked, also when not modified).
    package var error: String?
    /// Seconds the server asked us to wait (recorded, never waited out here).
    package var retryAfter: TimeInterval?
    package var notModified = false
    package var newItems = 0
    package var relevant = 0
    package var alerts = 0
    /// RSS `<ttl>` in minutes, a floor for the scheduler.
    package var ttlMinutes: Int?
    /// `Cache-Control: max-age` of the feed response in seconds, another floor for the scheduler.
    package var maxAge: TimeInterval?

    /// The `max-age` directive of a Cache-Control header.
    static func maxAge(_ header: String?) -> TimeInterval? {
        guard let header else { return nil }
        for part in header.lowercased().split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, kv[0] == "max-age", let seconds = TimeInterval(kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))) {
                return seconds
            }
        }
        return nil
    }
}
