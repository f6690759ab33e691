import Foundation
import Testing
@testable import CityWatchSupport
@testable import CityWatchFetching
@testable import CityWatchFeeds
@testable import CityWatchDocuments
@testable import CityWatchExtraction
@testable import CityWatchConfig

/// Replays the fuzz inputs through the APIs the fuzz targets call (Sources/citywatch-fuzz/FuzzTargets.swift):
/// every crash input kept under Fixtures/fuzz/TARGET, and the curated seeds under fuzz/seeds/TARGET. Each must
/// return, with output bounded by its input (bounded work, checked by size rather than time).
@Suite struct FuzzRegressionTests {
    static let targets = ["feed", "page", "seedtext", "numbers", "extract", "config", "flatjson", "headers"]

    /// The crash inputs and curated seeds of a target.
    static func inputs(_ target: String) -> [URL] {
        let dirs = [FixtureFiles.fixtures.appendingPathComponent("fuzz/\(target)"),
                    FixtureFiles.repositoryRoot.appendingPathComponent("fuzz/seeds/\(target)")]
        return dirs.flatMap { dir in
            ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
                .filter { !$0.hasPrefix(".") }.map { dir.appendingPathComponent($0) }
        }
    }

    /// Output size allowed for an input: escaping and charset conversion grow text a few times, no more.
    static func bound(_ data: Data) -> Int { 64 * data.count + 65_536 }

    static let extractor = Extractor()

    /// The size of what the target renders for one input.
    static func run(_ target: String, _ data: Data) -> Int {
        switch target {
        case "feed":
            let parsed = FeedParser.parse(data, input: "fuzz", baseURL: "https://example.org/news/feed.xml")
            var writer = JSONWriter()
            parsed.appendJSON(to: &writer)
            return writer.bytes.count
        case "page":
            guard let doc = try? ArticlePageParser.parse(data, url: "https://example.org/news/story.html") else { return 0 }
            return doc.jsonLine().utf8.count + SeedTextRenderer.render(doc).utf8.count
        case "seedtext":
            let doc = SeedTextParser.parse(String(decoding: data, as: UTF8.self))
            return doc.jsonLine().utf8.count + SeedTextRenderer.render(doc).utf8.count
        case "numbers":
            return NumberMention.recognized(in: String(decoding: data, as: UTF8.self)).reduce(0) { $0 + $1.span.utf8.count }
        case "extract":
            guard let doc = try? DocumentReader.read(data) else { return 0 }
            return extractor.extract(doc, numbers: true).jsonLine().utf8.count
        case "config":
            do {
                _ = try Config.parse(String(decoding: data, as: UTF8.self), file: "/nonexistent/citywatch-fuzz.toml")
                return 0
            } catch {
                return error.description.utf8.count
            }
        case "flatjson":
            guard let fast = FlatJSONObject.strings(data) else { return 0 }
            let general = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?.compactMapValues { $0 as? String }
            #expect(general == fast, "FlatJSONObject and Foundation differ")
            return fast.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
        case "headers":
            var size = 0
            for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
                if case .field(let name, let value) = HeaderLine(Data(line)) {
                    #expect(name == name.lowercased() && !name.contains(":"), "header name \(name)")
                    size += name.utf8.count + value.utf8.count
                }
            }
            return size
        default:
            Issue.record("unknown fuzz target \(target)")
            return 0
        }
    }

    @Test(arguments: targets)
    func replay(_ target: String) throws {
        let files = Self.inputs(target)
        #expect(!files.isEmpty, "no seeds or crash inputs for \(target)")
        for file in files {
            let data = try Data(contentsOf: file)
            let size = Self.run(target, data)
            #expect(size <= Self.bound(data), "\(target) \(file.lastPathComponent): \(size) bytes of output")
        }
    }
}
