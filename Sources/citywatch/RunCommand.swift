import ArgumentParser
import CityWatchCore
import Foundation
import Logging

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Watch the feeds: fetch, parse, extract, diff against the knowledge, write alerts.",
        discussion: """
            With --once, one full cycle over every feed, then exit (0 when the cycle ran, even if feeds failed;
            1 when the knowledge store or alert log is unusable; 2 for a bad config). Add --learn to record what
            the feeds say without alerting (e.g. a newly added feed's backlog).
            Without --once: the daemon. Each feed on its own schedule; SIGHUP reloads the config (an invalid one is
            rejected and the old one kept); SIGTERM or SIGINT stop it (exit 0); sd_notify when started by systemd.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Run one full cycle over every feed, then exit.")
    var once = false

    @Flag(help: "Record knowledge without raising alerts (with --once).")
    var learn = false

    func validate() throws {
        if learn && !once { throw ValidationError("--learn works with --once: run `citywatch run --once --learn`") }
    }

    func run() async throws {
        let config = try options.load(command: "run")
        let store = try options.openStore(config, command: "run")
        guard once else { return try await runDaemon(config: config, store: store) }
        NotifierRunner.register(config.notifiers, store: store)
        let cycle = Cycle(config: config, store: store, pipeline: .live(keywords: config.keywords), learn: learn)
        do {
            let report = try await cycle.run()
            StandardError.write("<6>citywatch: cycle done: \(report.summary)\n")
            try await notifyOnce(config: config, store: store, learn: learn)
        } catch {
            StandardError.write("<3>citywatch run: the cycle could not run: \(error)\n")
            throw ExitCode(1)
        }
    }

    /// One delivery round per notifier (a failure is recorded for the next run, never waited out).
    func notifyOnce(config: Config, store: KnowledgeStore, learn: Bool) async throws {
        if !config.notifiers.isEmpty { JournalLogHandler.bootstrap() }
        for entry in config.notifiers {
            let runner = NotifierRunner.make(entry, store: store, logger: Logger(label: "citywatch.notify"))
            let round = await runner.deliverOnce()
            if let failure = round.failure {
                // The runner warned once when the notifier started failing; this is the run's own account.
                let next = round.nextDue.map { " next attempt at \(UTCTime.string($0))," } ?? ""
                StandardError.write("<6>citywatch: notifier \"\(entry.name)\": \(round.delivered) sent, the rest stay queued;\(next) last error: \(failure)\n")
            } else if round.delivered > 0 {
                StandardError.write("<6>citywatch: notifier \"\(entry.name)\": sent \(round.delivered) alert(s)\n")
            }
        }
    }
}
