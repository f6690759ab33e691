import CityWatchCore
import Foundation

/// `citywatch feed --benchmark N FILE...`: reads every file from disk once (timed), then parses all of them
/// N times in memory on one core, and reports MB/s and documents/s for both.
enum FeedBenchmark {
    static func run(paths: [String], rounds: Int) -> String {
        let readStart = DispatchTime.now().uptimeNanoseconds
        var documents: [(String, Data)] = []
        documents.reserveCapacity(paths.count)
        for path in paths {
            if let data = FileManager.default.contents(atPath: path) { documents.append((path, data)) }
        }
        let readNanos = DispatchTime.now().uptimeNanoseconds - readStart
        let totalBytes = documents.reduce(0) { $0 + $1.1.count }
        var best = UInt64.max
        var items = 0
        var firstParseNanos: UInt64 = 0
        for round in 0..<rounds {
            let start = DispatchTime.now().uptimeNanoseconds
            var count = 0
            for (path, data) in documents {
                count += FeedParser.parse(data, input: path).items.count
            }
            let elapsed = DispatchTime.now().uptimeNanoseconds - start
            if round == 0 { firstParseNanos = elapsed }
            best = min(best, elapsed)
            items = count
        }
        let mb = Double(totalBytes) / 1_000_000
        func rate(_ nanos: UInt64) -> String {
            let s = Double(nanos) / 1e9
            return String(format: "%.1f MB/s, %.0f documents/s (%.1f ms)", mb / s, Double(documents.count) / s, s * 1000)
        }
        return """
            feeds: \(documents.count) documents, \(totalBytes) bytes, \(items) items
            read+parse, first round: \(rate(readNanos + firstParseNanos))
            parse only, best of \(rounds): \(rate(best))
            """
    }
}
