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
    print("usage: citywatch-bench parse FILE... | soak [FEEDS INTERVAL-S DURATION-S]")
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
default:
    print("unknown stage \(stage)")
    exit(2)
}
