import Foundation
import CityWatchSupport
import CityWatchExtraction
import CityWatchKnowledge

/// Ingests synthetic articles into a fresh store to show that the time per article does not grow with the
/// store, and how long the `knowledge` queries take at that size.
package struct KnowledgeBenchmark: Sendable {
    package struct Result: Sendable {
        package var articles: Int
        /// Mean milliseconds per article over the first and the last `window` articles.
        package var firstWindowMs: Double
        package var lastWindowMs: Double
        package var window: Int
        package var totalSeconds: Double
        package var alerts: Int
        package var citiesQuerySeconds: Double
        package var figuresQuerySeconds: Double
        package var cities: Int
        package var figures: Int
    }

    package var articles: Int
    package var window: Int
    package var cityPool: Int

    package init(articles: Int = 100_000, window: Int = 10_000, cityPool: Int = 3_000) {
        self.articles = articles; self.window = min(window, articles); self.cityPool = cityPool
    }

    package static let measures = ["arrests", "ICE agents deployed", "national guard troops", "projected cases targeted",
                           "detention beds", "deportations", "people detained", "officers assigned"]
    static let states = ["TX", "CA", "IL", "NY", "FL", "OR", "CO", "GA", "AZ", "WA", "MA", "NV"]

    /// Runs the benchmark in `folder` (which should be empty); `progress` gets a line every 10,000 articles.
    package func run(folder: String, progress: (String) -> Void = { _ in }) throws -> Result {
        let store = try KnowledgeStore(stateDir: folder)
        let delivery = AlertDelivery(store: store, log: AlertLog(path: folder + "/alerts.jsonl"), echo: { _ in })
        var rng = SplitMix64(seed: 42)
        var times: [Double] = []
        times.reserveCapacity(articles)
        var alerts = 0
        var pending = 0
        let start = Date()
        for i in 0..<articles {
            var cities: [CityMention] = []
            var figures: [Figure] = []
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                let n = Int(rng.next() % UInt64(cityPool))
                let city = "Town\(n), \(Self.states[n % Self.states.count])"
                cities.append(CityMention(city: city, mentions: 1, evidence: "ICE operations reached \(city)."))
                let measure = Self.measures[Int(rng.next() % UInt64(Self.measures.count))]
                // Few distinct values per measure: most statements restate, some change.
                let value = Double(50 * (1 + Int(rng.next() % 6)))
                figures.append(Figure(city: city, measure: measure, value: value, unit: .count, qualifier: nil,
                                      evidence: "ICE said \(Int(value)) \(measure) in \(city)."))
            }
            let facts = Facts(title: "Synthetic article \(i)", relevant: true, cities: cities, figures: figures)
            let record = ArticleRecord(url: "https://bench.example/\(i)", feed: "bench-\(i % 20)", title: facts.title,
                                       published: nil, contentHash: String(i, radix: 16), seenKeys: ["id:\(i)"])
            let t0 = DispatchTime.now().uptimeNanoseconds
            let result = try store.ingest(record, facts: facts, policy: DiffPolicy())
            pending += result.alerts.count
            // Delivered once per 20 articles, as a cycle delivers once per feed poll.
            if pending > 0, i % 20 == 19 { alerts += try delivery.deliverPending(); pending = 0 }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            if (i + 1) % 10_000 == 0 { progress("\(i + 1) articles, \(alerts) alerts") }
        }
        let total = Date().timeIntervalSince(start)
        var t = Date()
        let cities = try store.cities()
        let citiesSeconds = Date().timeIntervalSince(t)
        t = Date()
        let figures = try store.figures()
        let figuresSeconds = Date().timeIntervalSince(t)
        func mean(_ slice: ArraySlice<Double>) -> Double { slice.isEmpty ? 0 : slice.reduce(0, +) / Double(slice.count) }
        return Result(articles: articles, firstWindowMs: mean(times.prefix(window)), lastWindowMs: mean(times.suffix(window)),
                      window: window, totalSeconds: total, alerts: alerts, citiesQuerySeconds: citiesSeconds,
                      figuresQuerySeconds: figuresSeconds, cities: cities.count, figures: figures.count)
    }
}
