import ArgumentParser
import CityWatchCore
import Foundation

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Each feed's health: last success, last error, consecutive failures, next poll, items seen, alerts raised.",
        discussion: "Reads the knowledge store (also what `run --once` recorded) and the daemon's schedule in state_dir."
    )

    @OptionGroup var options: ConfigOptions

    @Flag(help: "One JSON object per feed per line.")
    var json = false

    func run() async throws {
        let config = try options.load(command: "status")
        let store = try options.openStore(config, command: "status")
        let feeds: [FeedHealth]
        let notifiers: [NotifierHealth]
        do {
            notifiers = NotifierHealth.report(config: config, stored: try store.notifierStates())
            let statusURL = DaemonPlan.statusFile(inStateDirectory: URL(fileURLWithPath: config.stateDir))
            let status = try? FeedStatusFile.read(from: statusURL)
            feeds = FeedHealth.report(config: config, stored: try store.feedStates(), status: status ?? nil)
        } catch {
            StandardError.write("<3>citywatch status: cannot read the knowledge store: \(error)\n")
            throw ExitCode(1)
        }
        if json {
            StandardOutput.write(feeds.map { $0.jsonLine + "\n" }.joined())
            StandardOutput.write(notifiers.map { $0.jsonLine + "\n" }.joined())
            return
        }
        StandardOutput.write(Self.table(feeds) + FeedHealth.summary(feeds) + "\n")
        if !notifiers.isEmpty { StandardOutput.write("\n" + Self.table(notifiers)) }
    }

    /// The notifiers section: one row per notifier, the last error under a failing one.
    static func table(_ notifiers: [NotifierHealth]) -> String {
        let header = ["NOTIFIER", "TYPE", "STATE", "LAST SUCCESS", "FAILURES", "QUEUED", "NEXT ATTEMPT"]
        let rows = notifiers.map { n in
            [n.name, n.type, n.state, n.lastSuccess ?? "never", "\(n.consecutiveFailures)", "\(n.queued)", n.nextAttempt ?? "-"]
        }
        let lines = TextTable.lines(header: header, rows: rows, maxWidth: .max)
        var text = lines[0] + "\n"
        for (notifier, line) in zip(notifiers, lines.dropFirst()) {
            text += line + "\n"
            if let error = notifier.lastError {
                text += "    last error (\(notifier.lastErrorTime ?? "?")): \(TerminalText.escape(error))\n"
            }
        }
        return text
    }

    /// A readable table: one row per feed, the last error under its row.
    static func table(_ feeds: [FeedHealth]) -> String {
        let header = ["FEED", "STATE", "LAST SUCCESS", "FAILURES", "NEXT POLL", "ITEMS", "ALERTS"]
        let rows = feeds.map { feed in
            [feed.name, feed.state, feed.lastSuccess ?? "never", "\(feed.consecutiveFailures)", feed.nextPoll ?? "at start",
             "\(feed.itemsSeen)", "\(feed.alertsRaised)"]
        }
        let lines = TextTable.lines(header: header, rows: rows, maxWidth: .max)
        var text = lines[0] + "\n"
        for (feed, line) in zip(feeds, lines.dropFirst()) {
            text += line + "\n"
            if let error = feed.lastError {
                text += "    last error (\(feed.lastErrorTime ?? "?")): \(TerminalText.escape(error))\n"
            }
        }
        return text
    }
}
