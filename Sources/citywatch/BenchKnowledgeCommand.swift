import ArgumentParser
import CityWatchCore
import Foundation

/// `citywatch bench-knowledge`: the knowledge store's scale benchmark (run by scripts/bench-knowledge).
struct BenchKnowledgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-knowledge",
        abstract: "Benchmark: ingest synthetic articles into a fresh knowledge store and time it.",
        shouldDisplay: false
    )

    @Option(help: "How many synthetic articles.")
    var articles = 100_000

    @Option(help: "A new, empty folder for the store and alert log.")
    var state: String

    func run() async throws {
        let bench = KnowledgeBenchmark(articles: articles)
        let r = try bench.run(folder: state) { StandardError.write($0 + "\n") }
        StandardOutput.write("""
            articles ingested:        \(r.articles) in \(String(format: "%.1f", r.totalSeconds)) s (\(r.alerts) alerts delivered)
            ms per article, first \(r.window): \(String(format: "%.3f", r.firstWindowMs))
            ms per article, last \(r.window):  \(String(format: "%.3f", r.lastWindowMs))
            knowledge cities query:   \(String(format: "%.3f", r.citiesQuerySeconds)) s (\(r.cities) cities)
            knowledge figures query:  \(String(format: "%.3f", r.figuresQuerySeconds)) s (\(r.figures) figures)

            """)
    }
}
