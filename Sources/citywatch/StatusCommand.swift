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
            [TerminalText.escape(n.name), n.type, n.state, n.lastSuccess ?? "never", "\(n.consecutiveFailures)",
             "\(n.queued)", n.nextAttempt ?? "-"]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func format(_ row: [String]) -> String {
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        var text = format(header) + "\n"
        for (notifier, row) in zip(notifiers, rows) {
            text += format(row) + "\n"
            if let error = notifier.lastError {
                text += "    last error (\(notifier.lastErrorTime ?? "?")): \(TerminalText.escape(error))\n"
            }
        }
        return text
    }

    /// A readable table: one row per feed, the last error under its row.
    static func table(_ feeds: [FeedHealth]) -> String {
        let header = ["FEED", "STATE", "LAST SUCCESS", "FAILURES", "NEXT POLL", "ITEMS", "ALERTS"]
        // Names and errors can carry feed-controlled text (URLs): control characters are escaped.
        let rows = feeds.map { feed in
            [TerminalText.escape(feed.name), feed.state, feed.lastSuccess ?? "never", "\(feed.consecutiveFailures)",
             feed.nextPoll ?? "at start", "\(feed.itemsSeen)", "\(feed.alertsRaised)"]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func format(_ row: [String]) -> String {
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        var text = format(header) + "\n"
        for (feed, row) in zip(feeds, rows) {
            text += format(row) + "\n"
            if let error = feed.lastError {
                text += "    last error (\(feed.lastErrorTime ?? "?")): \(TerminalText.escape(error))\n"
            }
        }
        return text
    }
}
