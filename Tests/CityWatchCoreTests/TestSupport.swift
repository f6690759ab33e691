import Foundation
import Synchronization
import Testing
@testable import CityWatchSupport
@testable import CityWatchFetching
@testable import CityWatchFeeds
@testable import CityWatchDocuments
@testable import CityWatchExtraction
@testable import CityWatchKnowledge
@testable import CityWatchConfig
@testable import CityWatchDaemon

/// A config read from `text` as `citywatch.toml` in `directory`, whose `state` folder is made for it.
func parsedConfig(_ text: String, in directory: URL) throws -> Config {
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("state"), withIntermediateDirectories: true)
    return try Config.parse(text, file: directory.appendingPathComponent("citywatch.toml").path)
}

/// A fresh temporary folder per test, inside this test process's own folder (`citywatch-tests-PID`), which is removed
/// when the process exits; the folders of test processes that died before they could remove theirs are removed by the
/// next run.
func temporaryFolder(_ name: String = #function) -> String {
    let clean = name.filter { $0.isLetter || $0.isNumber }
    let path = (TestFolders.root as NSString).appendingPathComponent("\(clean)-\(UUID().uuidString.prefix(8))")
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private enum TestFolders {
    static let prefix = "citywatch-tests-"

    /// Made once per process: the leftovers of dead runs are swept and the folder is removed at exit.
    static let root: String = {
        let temporary = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: (temporary as NSString).appendingPathComponent(name))
        }
        let root = (temporary as NSString).appendingPathComponent("\(prefix)\(getpid())")
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestFolders.root) }
        return root
    }()
}

/// A `Mutex` that escaping test closures can share (they cannot capture the non-copyable `Mutex` itself).
final class Shared<Value>: Sendable {
    let mutex: Mutex<Value>
    init(_ value: sending Value) { mutex = Mutex(value) }
}

/// Hand-made facts for one article.
func madeFacts(_ title: String, relevant: Bool = true, cities: [String] = [], figures: [Figure] = []) -> Facts {
    Facts(title: title, relevant: relevant,
          cities: cities.map { CityMention(city: $0, mentions: 1, evidence: "\($0) is named in \(title).") },
          figures: figures)
}

func figure(_ city: String?, _ measure: String, _ value: Double, _ unit: FigureUnit = .count) -> Figure {
    Figure(city: city, measure: measure, value: value, unit: unit, qualifier: nil, evidence: "\(measure): \(value)")
}

func article(_ title: String, feed: String = "wire", source: String? = nil, url: String? = nil) -> ArticleRecord {
    ArticleRecord(url: url ?? "https://example.org/\(title.filter(\.isLetter))", feed: feed, source: source, title: title,
                  published: "2026-11-18T17:00:00Z", contentHash: AlertID.hex(AlertID.fnv1a64(title + (url ?? ""))))
}

/// A scripted world of feeds: the fetch, feed parser and extractor stages, all in memory.
final class FakeWorld: Sendable {
    let feeds = Mutex<[String: [FeedItem]]>([:])
    let pages = Mutex<[String: String]>([:])
    let failing = Mutex<[String: FetchError]>([:])
    let factsByTitle = Mutex<[String: Facts]>([:])
    let requests = Mutex<[FetchRequest]>([])

    func pipeline() -> Pipeline {
        Pipeline(
            fetch: { [self] request in
                requests.withLock { $0.append(request) }
                if let error = failing.withLock({ $0[request.url] }) { throw error }
                if feeds.withLock({ $0[request.url] }) != nil {
                    return FetchResponse(status: 200, finalURL: request.url, headers: ["etag": "\"v1\""], body: Data(request.url.utf8))
                }
                if let page = pages.withLock({ $0[request.url] }) {
                    return FetchResponse(status: 200, finalURL: request.url, headers: [:], body: Data(page.utf8))
                }
                throw FetchError(kind: .httpStatus, message: "http 404", status: 404)
            },
            parseFeed: { [self] _, input, _, _ in
                guard let items = feeds.withLock({ $0[input] }) else { return ParsedFeed(input: input, parseOK: false, error: "not a feed") }
                return ParsedFeed(input: input, parseOK: true, format: "rss", items: items)
            },
            parsePage: { data, _, _ in
                // Pages here are "Title\nbody" text: enough to carry a title to the fake extractor.
                SeedTextParser.parse(String(decoding: data, as: UTF8.self))
            },
            facts: { [self] document in
                factsByTitle.withLock { $0[document.title ?? ""] } ?? Facts(title: document.title, relevant: false)
            })
    }
}

/// Facts of a short text, read the way `extract --jsonl` reads {"text": ...}.
func facts(_ text: String, numbers: Bool = false, keywords: [String] = Extractor.defaultKeywords) -> Facts {
    Extractor(keywords: keywords).extract(SeedTextParser.parse(text), numbers: numbers)
}

func cities(_ text: String) -> Set<String> {
    Set(facts(text).cities.map(\.city))
}

func fixtureURL(_ path: String) -> URL {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(path)
}

/// The scheduler's poll events, as a test observes them.
actor PollEvents {
    var list: [Scheduler.PollEvent] = []
    func add(_ event: Scheduler.PollEvent) { list.append(event) }
}

/// Lets a scheduler on the manual clock make `count` polls: waits (real time, bounded) until each poll is recorded
/// and the scheduler sleeps on the clock, then advances the clock to its next deadline. Returns the poll times.
func drivePolls(_ count: Int, events: PollEvents, clock: ManualClock, from start: Date,
                patience: Duration = .seconds(60)) async throws -> [TimeInterval] {
    var pollTimes: [TimeInterval] = []
    for polls in 1...count {
        // Wait in real time for the poll and the scheduler's next sleep, up to `patience` (a loaded machine running
        // the suite in parallel beside a build can take seconds; a quiet one takes milliseconds).
        let deadline = ContinuousClock.now + patience
        while await events.list.count < polls || clock.sleeperCount == 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(1))
        }
        pollTimes.append(clock.now.timeIntervalSince(start))
        if polls < count, let deadline = clock.nextDeadline { clock.advance(to: deadline) }
    }
    return pollTimes
}

extension Fetcher {
    /// Runs a fetch that must fail and hands back its error (recording an issue when it succeeds).
    func failure(_ request: FetchRequest) async -> FetchError? {
        do {
            let response = try await fetch(request)
            Issue.record("expected a failure, got status \(response.status) with \(response.body.count) bytes")
            return nil
        } catch {
            return error
        }
    }
}
