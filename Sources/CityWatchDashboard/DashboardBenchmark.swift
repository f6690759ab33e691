import Foundation
import CityWatchSupport
import CityWatchExtraction
import CityWatchKnowledge
import CityWatchConfig
import CityWatchAlerts

/// Fills a store with real gazetteer cities (so every point lands on the map) and their figures, with the alert
/// log that filling writes, then times the dashboard's work per request: the snapshot read and the HTML render.
package struct DashboardBenchmark: Sendable {
    package struct Result: Sendable {
        package var cities: Int
        package var figures: Int
        package var alerts: Int
        package var fillSeconds: Double
        package var overviewBytes: Int
        package var cityBytes: Int
        /// Best and median milliseconds over the rounds: snapshot read, render, and both (the request's work).
        package var snapshotMs: (best: Double, median: Double)
        package var renderMs: (best: Double, median: Double)
        package var overviewMs: (best: Double, median: Double)
        package var cityPageMs: (best: Double, median: Double)
    }

    package var cities: Int
    package var figuresPerCity: Int
    package var rounds: Int

    package init(cities: Int = 3_000, figuresPerCity: Int = 6, rounds: Int = 20) {
        self.cities = cities; self.figuresPerCity = min(figuresPerCity, KnowledgeBenchmark.measures.count); self.rounds = rounds
    }

    /// Runs in `folder` (which should be empty).
    package func run(folder: String) throws -> Result {
        let config = Config(file: folder + "/citywatch.toml", stateDir: folder + "/state", alertLog: folder + "/state/alerts.jsonl",
                            watchedCities: ["Chicago, IL"],
                            feeds: (0..<20).map { Config.Feed(name: "bench-\($0)", url: "https://bench.example/\($0).xml") })
        let store = try KnowledgeStore(stateDir: config.stateDir)
        let start = Date()
        try fill(store, log: AlertLog(path: config.alertLog))
        let fillSeconds = Date().timeIntervalSince(start)
        let source = DashboardSource(config: config, store: store)
        var snapshotTimes: [Double] = [], renderTimes: [Double] = [], cityTimes: [Double] = []
        var overviewBytes = 0, cityBytes = 0
        let names = try store.cities().map(\.city)
        for round in 0..<rounds {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let snapshot = try source.snapshot(DashboardQuery())
            let t1 = DispatchTime.now().uptimeNanoseconds
            let page = DashboardPage.render(snapshot)
            let t2 = DispatchTime.now().uptimeNanoseconds
            let cityPage = CityPage.render(try source.city(names[(round * 97) % names.count]))
            let t3 = DispatchTime.now().uptimeNanoseconds
            snapshotTimes.append(Double(t1 - t0) / 1e6)
            renderTimes.append(Double(t2 - t1) / 1e6)
            cityTimes.append(Double(t3 - t2) / 1e6)
            overviewBytes = page.utf8.count
            cityBytes = cityPage.utf8.count
        }
        func stats(_ values: [Double]) -> (Double, Double) {
            let sorted = values.sorted()
            return (sorted.first ?? 0, sorted.isEmpty ? 0 : sorted[sorted.count / 2])
        }
        return Result(cities: try store.count(.cities), figures: try store.count(.measures),
                      alerts: try source.alerts(DashboardQuery(), limit: 0).total, fillSeconds: fillSeconds,
                      overviewBytes: overviewBytes, cityBytes: cityBytes, snapshotMs: stats(snapshotTimes),
                      renderMs: stats(renderTimes), overviewMs: stats(zip(snapshotTimes, renderTimes).map { $0 + $1 }),
                      cityPageMs: stats(cityTimes))
    }

    /// Three cities per article, each with `figuresPerCity` measures over a few articles, then a round of changed
    /// values (so figures have histories and the log has every kind of alert).
    func fill(_ store: KnowledgeStore, log: AlertLog) throws {
        let delivery = AlertDelivery(store: store, log: log, echo: { _ in })
        var names: [String] = []
        var seen = Set<String>()
        for place in Gazetteer.shared.places where place.kind == "city" && USMap.point(lat: place.lat, lon: place.lon) != nil {
            if seen.insert(place.display).inserted { names.append(place.display) }
            if names.count == cities { break }
        }
        var rng = SplitMix64(seed: 7)
        var article = 0
        func ingest(_ group: ArraySlice<String>, measures: [String], change: Bool) throws {
            var mentions: [CityMention] = [], figures: [Figure] = []
            for city in group {
                mentions.append(CityMention(city: city, mentions: 1, evidence: "ICE operations reached \(city)."))
                for measure in measures {
                    let value = Double(50 * (1 + Int(rng.next() % 6))) + (change ? 25 : 0)
                    figures.append(Figure(city: city, measure: measure, value: value, unit: .count, qualifier: nil,
                                          evidence: "ICE said \(Int(value)) \(measure) in \(city)."))
                }
            }
            let facts = Facts(title: "Synthetic article \(article)", relevant: true, cities: mentions, figures: figures)
            let record = ArticleRecord(url: "https://bench.example/a/\(article)", feed: "bench-\(article % 20)",
                                       title: facts.title, published: nil, contentHash: String(article, radix: 16),
                                       seenKeys: ["id:\(article)"])
            try store.ingest(record, facts: facts, policy: DiffPolicy())
            article += 1
            if article % 20 == 0 { try delivery.deliverPending() }
        }
        let measures = Array(KnowledgeBenchmark.measures.prefix(figuresPerCity))
        for start in stride(from: 0, to: names.count, by: 3) {
            let group = names[start..<min(start + 3, names.count)]
            for pair in stride(from: 0, to: measures.count, by: 2) {
                try ingest(group, measures: Array(measures[pair..<min(pair + 2, measures.count)]), change: false)
            }
        }
        // A third of the cities see their first two figures change.
        for start in stride(from: 0, to: names.count, by: 9) {
            try ingest(names[start..<min(start + 3, names.count)], measures: Array(measures.prefix(2)), change: true)
        }
        try delivery.deliverPending()
    }
}
