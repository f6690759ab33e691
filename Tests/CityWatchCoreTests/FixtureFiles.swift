import Foundation

/// Paths to test fixtures and the repository's own files (seeds/), independent of ../shared.
enum FixtureFiles {
    static var fixtures: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    }

    /// The repository root, found from this source file's location.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var seedFiles: [URL] {
        let dir = repositoryRoot.appendingPathComponent("seeds")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { dir.appendingPathComponent($0) }
    }

    static func data(_ relative: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(relative))
    }

    /// seeds.expected.json, decoded loosely.
    static func expectedSeeds() throws -> [String: [String: Any]] {
        let json = try JSONSerialization.jsonObject(with: data("spec/seeds.expected.json")) as? [String: Any]
        return json?["documents"] as? [String: [String: Any]] ?? [:]
    }
}
