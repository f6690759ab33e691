// Micro-benchmarks of single stages, run on a release build: `swift run -c release citywatch-bench parse seeds/*.txt`.
import ArgumentParser
import CityWatchCore
import Foundation

@main
struct CityWatchBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citywatch-bench",
        abstract: "Micro-benchmarks of single stages (run them on a release build).",
        subcommands: [Parse.self, Soak.self, Dashboard.self])

    /// No stage named: the usage, exit 2.
    func run() async throws {
        print(Self.helpMessage())
        throw ExitCode(2)
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    struct Parse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Seed text parsing: the best of 20 batches of 50 rounds.")

        @Argument(help: "Seed text files.")
        var files: [String] = []

        func run() async throws {
            let texts = files.map { (try? String(contentsOf: URL(fileURLWithPath: $0), encoding: .utf8)) ?? "" }
            let bytes = texts.reduce(0) { $0 + $1.utf8.count }
            var blocks = 0
            _ = texts.map(SeedTextParser.parse)   // warm-up
            // The best of 20 batches: this VM's speed wanders between runs.
            let rounds = 50
            var perSet = Double.infinity
            for _ in 0..<20 {
                blocks = 0
                let t = CityWatchBench.seconds {
                    for _ in 0..<rounds { for text in texts { blocks += SeedTextParser.parse(text).blocks.count } }
                }
                perSet = min(perSet, t / Double(rounds))
            }
            print(String(format: "parse: %d documents (%d bytes) in %.3f ms per set; %.1f MB/s; %d blocks", texts.count, bytes,
                         perSet * 1000, Double(bytes) / perSet / 1e6, blocks / rounds))
        }
    }

    struct Soak: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The scheduler with simulated polls: memory and CPU per poll.")

        @Argument(help: "Feeds.")
        var feeds = 500
        @Argument(help: ArgumentHelp("Poll interval in seconds.", valueName: "interval-s"))
        var interval: Double = 2
        @Argument(help: ArgumentHelp("How long to run, in seconds.", valueName: "duration-s"))
        var duration: Double = 600

        func run() async throws {
            await SchedulerSoak.run(feeds: feeds, interval: interval, duration: duration)
        }
    }

    struct Dashboard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The dashboard's overview and city page on a filled store.")

        @Argument(help: "Cities.")
        var cities = 3_000
        @Argument(help: "Figures per city.")
        var figuresPerCity = 6
        @Argument(help: "Rounds.")
        var rounds = 20
        @Argument(help: ArgumentHelp("Keep the filled store in this folder (for a server benchmark).", valueName: "keep-dir"))
        var keepDir: String?

        func run() async throws {
            let folder = keepDir ?? NSTemporaryDirectory() + "citywatch-bench-dashboard-\(getpid())"
            defer { if keepDir == nil { try? FileManager.default.removeItem(atPath: folder) } }
            let bench = DashboardBenchmark(cities: cities, figuresPerCity: figuresPerCity, rounds: rounds)
            let r = try bench.run(folder: folder)
            print(String(format: "dashboard: %d cities, %d figures, %d alerts in the log (filled in %.1f s)", r.cities, r.figures,
                         r.alerts, r.fillSeconds))
            print(String(format: "  overview (%d bytes): %.1f ms best, %.1f ms median (snapshot %.1f / %.1f, render %.1f / %.1f)",
                         r.overviewBytes, r.overviewMs.best, r.overviewMs.median, r.snapshotMs.best, r.snapshotMs.median,
                         r.renderMs.best, r.renderMs.median))
            print(String(format: "  city page (%d bytes): %.1f ms best, %.1f ms median", r.cityBytes, r.cityPageMs.best,
                         r.cityPageMs.median))
        }
    }
}
