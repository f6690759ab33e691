// Micro-benchmarks of single stages, run on a release build: `swift run -c release citywatch-bench parse seeds/*.txt`.
import CityWatchCore
import Foundation

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let args = Array(CommandLine.arguments.dropFirst())
guard let stage = args.first else {
    print("usage: citywatch-bench parse FILE... | soak [FEEDS INTERVAL-S DURATION-S] | dashboard [CITIES FIGURES-PER-CITY ROUNDS [KEEP-DIR]]")
    exit(2)
}
let files = args.dropFirst().map { URL(fileURLWithPath: $0) }

switch stage {
case "parse":
    let texts = files.map { (try? String(contentsOf: $0, encoding: .utf8)) ?? "" }
    let bytes = texts.reduce(0) { $0 + $1.utf8.count }
    var blocks = 0
    _ = texts.map(SeedTextParser.parse)   // warm-up
    // The best of 20 batches: this VM's speed wanders between runs.
    let rounds = 50
    var perSet = Double.infinity
    for _ in 0..<20 {
        blocks = 0
        let t = seconds {
            for _ in 0..<rounds { for text in texts { blocks += SeedTextParser.parse(text).blocks.count } }
        }
        perSet = min(perSet, t / Double(rounds))
    }
    print(String(format: "parse: %d documents (%d bytes) in %.3f ms per set; %.1f MB/s; %d blocks", texts.count, bytes,
                 perSet * 1000, Double(bytes) / perSet / 1e6, blocks / rounds))
case "soak":
    let numbers = args.dropFirst().compactMap { Double($0) }
    await SchedulerSoak.run(feeds: Int(numbers.first ?? 500), interval: numbers.dropFirst().first ?? 2,
                            duration: numbers.dropFirst(2).first ?? 600)
case "dashboard":
    // A last argument that is not a number is a folder to keep the filled store in (for a server benchmark).
    let numbers = args.dropFirst().compactMap { Int($0) }
    let kept = args.dropFirst().last.flatMap { Int($0) == nil ? $0 : nil }
    let folder = kept ?? NSTemporaryDirectory() + "citywatch-bench-dashboard-\(getpid())"
    defer { if kept == nil { try? FileManager.default.removeItem(atPath: folder) } }
    let bench = DashboardBenchmark(cities: numbers.first ?? 3_000, figuresPerCity: numbers.dropFirst().first ?? 6,
                                   rounds: numbers.dropFirst(2).first ?? 20)
    let r = try bench.run(folder: folder)
    print(String(format: "dashboard: %d cities, %d figures, %d alerts in the log (filled in %.1f s)", r.cities, r.figures,
                 r.alerts, r.fillSeconds))
    print(String(format: "  overview (%d bytes): %.1f ms best, %.1f ms median (snapshot %.1f / %.1f, render %.1f / %.1f)",
                 r.overviewBytes, r.overviewMs.best, r.overviewMs.median, r.snapshotMs.best, r.snapshotMs.median,
                 r.renderMs.best, r.renderMs.median))
    print(String(format: "  city page (%d bytes): %.1f ms best, %.1f ms median", r.cityBytes, r.cityPageMs.best, r.cityPageMs.median))
default:
    print("unknown stage \(stage)")
    exit(2)
}
