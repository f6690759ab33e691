import CLibXML2
import Foundation
import CityWatchFetching

/// `citywatch feed --benchmark N FILE...`: reads every file from disk once (timed), then parses all of them
/// N times in memory on the calling thread. Each round also times libxml2 alone (parse to a tree and free it,
/// same options, no mapping) over the same bytes, so the figures can be compared on a machine whose load varies.
package enum FeedBenchmark {
    package static func run(paths: [String], rounds: Int) -> String {
        let readStart = DispatchTime.now().uptimeNanoseconds
        var documents: [(String, Data)] = []
        documents.reserveCapacity(paths.count)
        for path in paths {
            if let data = try? InputLoader.readFile(path) { documents.append((path, data)) }
        }
        let readNanos = DispatchTime.now().uptimeNanoseconds - readStart
        let totalBytes = documents.reduce(0) { $0 + $1.1.count }
        var best = UInt64.max, bestBaseline = UInt64.max, firstParse: UInt64 = 0
        var bestCPU = UInt64.max, bestBaselineCPU = UInt64.max, bestEvents = UInt64.max
        var items = 0
        for round in 0..<rounds {
            var start = DispatchTime.now().uptimeNanoseconds
            var startCPU = threadCPUNanos()
            var count = 0
            for (path, data) in documents { count += FeedParser.parse(data, input: path).items.count }
            let elapsed = DispatchTime.now().uptimeNanoseconds - start
            bestCPU = min(bestCPU, threadCPUNanos() - startCPU)
            if round == 0 { firstParse = elapsed }
            best = min(best, elapsed)
            items = count
            start = DispatchTime.now().uptimeNanoseconds
            startCPU = threadCPUNanos()
            for (_, data) in documents { libxml2Only(data) }
            bestBaseline = min(bestBaseline, DispatchTime.now().uptimeNanoseconds - start)
            bestBaselineCPU = min(bestBaselineCPU, threadCPUNanos() - startCPU)
            start = DispatchTime.now().uptimeNanoseconds
            for (_, data) in documents { libxml2EventsOnly(data) }
            bestEvents = min(bestEvents, DispatchTime.now().uptimeNanoseconds - start)
        }
        let mb = Double(totalBytes) / 1_000_000
        func rate(_ nanos: UInt64) -> String {
            let s = Double(nanos) / 1e9
            return String(format: "%.1f MB/s, %.0f documents/s (%.1f ms)", mb / s, Double(documents.count) / s, s * 1000)
        }
        return """
            feeds: \(documents.count) documents, \(totalBytes) bytes, \(items) items
            read+parse, first round: \(rate(readNanos + firstParse))
            parse only, best of \(rounds): \(rate(best))
            libxml2 tree alone, best of \(rounds): \(rate(bestBaseline))
            libxml2 events into a FeedDocument alone, best of \(rounds): \(rate(bestEvents))
            thread CPU time (what a busy machine leaves out), parse only: \(rate(bestCPU)); libxml2 tree alone: \(rate(bestBaselineCPU))
            """
    }

    /// CPU time this thread has used: on a shared machine, wall-clock rounds include time other processes took.
    static func threadCPUNanos() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// What the fast path's parse costs by itself: the bytes parsed with the same options into a FeedDocument.
    static func libxml2EventsOnly(_ data: Data) {
        guard !data.isEmpty, let context = FeedParserContext.current() else { return }
        data.withUnsafeBytes { raw in
            _ = context.readEvents(raw.bindMemory(to: UInt8.self), baseURL: nil)
            context.document.close()
        }
    }

    /// What libxml2 costs by itself: the bytes parsed to a tree with the feed options, then freed.
    static func libxml2Only(_ data: Data) {
        guard !data.isEmpty, let context = FeedParserContext.current() else { return }
        data.withUnsafeBytes { raw in
            if let doc = context.read(raw.bindMemory(to: UInt8.self), baseURL: nil) { xmlFreeDoc(doc) }
        }
    }
}
