import ArgumentParser
import CityWatchCore
import Foundation

struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Show the alert log: a readable table, or the JSON lines.",
        discussion: "--since takes a duration back from now (\"90s\", \"15m\", \"2h\", \"7d\") or an ISO 8601 time."
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp("Only alerts raised since then.", valueName: "duration-or-iso8601"))
    var since: String?

    @Option(help: ArgumentHelp("Only this kind: new_city, new_figure or changed_figure.", valueName: "kind"))
    var kind: String?

    @Flag(help: "Print the JSON lines as they are in the log.")
    var json = false

    func validate() throws {
        if let kind, Alert.Kind(rawValue: kind) == nil {
            throw ValidationError("unknown kind \"\(kind)\": use new_city, new_figure or changed_figure")
        }
        if let since, AlertLog.cutoff(since) == nil {
            throw ValidationError("--since \"\(since)\" is neither a duration (\"15m\", \"2h\", \"7d\") nor an ISO 8601 time")
        }
    }

    func run() async throws {
        let config = try options.load(command: "alerts")
        let entries: [AlertLogLine]
        do {
            entries = try AlertLog(path: config.alertLog).entries(since: since.flatMap { AlertLog.cutoff($0) },
                                                                   kind: kind.flatMap(Alert.Kind.init(rawValue:)))
        } catch {
            StandardError.write("<3>citywatch alerts: \(error)\n")
            throw ExitCode(1)
        }
        if json {
            var out = ""
            for entry in entries { out += entry.text; out += "\n" }
            StandardOutput.write(out)
            return
        }
        let rows = entries.map(Self.row)
        StandardOutput.write(rows.isEmpty ? "no alerts\n" : TextTable.render(header: ["time", "kind", "city", "figure", "article"], rows: rows))
    }

    static func row(_ line: AlertLogLine) -> [String] {
        var figure = ""
        if let measure = line.string("measure"), let value = line.number("value") {
            figure = "\(measure) \(NumberText.figure(value, unit: line.string("unit")))"
            if let previous = line.number("previous") { figure += " (was \(JSONWriter.number(previous)))" }
        }
        var source = line.string("title") ?? line.string("url") ?? ""
        if let feed = line.string("feed") { source += " [\(feed)]" }
        var city = line.string("city") ?? "national"
        if line.bool("watched") { city += " *" }
        return [line.string("time") ?? "", line.string("kind") ?? "", city, figure, source]
    }
}
