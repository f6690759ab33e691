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
        let lines: [String]
        do {
            lines = try AlertLog(path: config.alertLog).lines(since: since.flatMap { AlertLog.cutoff($0) },
                                                               kind: kind.flatMap(Alert.Kind.init(rawValue:)))
        } catch {
            StandardError.write("<3>citywatch alerts: \(error)\n")
            throw ExitCode(1)
        }
        var rows: [[String]] = []
        var out = ""
        for line in lines {
            if json { out += line + "\n"; continue }
            if let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] { rows.append(Self.row(object)) }
        }
        if !json {
            out = rows.isEmpty ? "no alerts\n" : TextTable.render(header: ["time", "kind", "city", "figure", "article"], rows: rows)
        }
        StandardOutput.write(out)
    }

    static func row(_ o: [String: Any]) -> [String] {
        func number(_ key: String) -> String? { (o[key] as? NSNumber).map { JSONText.number($0.doubleValue) } }
        var figure = ""
        if let measure = o["measure"] as? String, let value = number("value") {
            figure = "\(measure) \(value)\(o["unit"] as? String == "percent" ? "%" : o["unit"] as? String == "usd" ? " USD" : "")"
            if let previous = number("previous") { figure += " (was \(previous))" }
        }
        let article = o["article"] as? [String: Any] ?? [:]
        var source = (article["title"] as? String) ?? (article["url"] as? String) ?? ""
        if let feed = article["feed"] as? String { source += " [\(feed)]" }
        var city = (o["city"] as? String) ?? "national"
        if o["watched"] as? Bool == true { city += " *" }
        return [(o["time"] as? String) ?? "", (o["kind"] as? String) ?? "", city, figure, source]
    }
}

/// Plain aligned columns for terminal tables.
enum TextTable {
    static func render(header: [String], rows: [[String]], maxWidth: Int = 60) -> String {
        let all = [header] + rows
        var widths = Array(repeating: 0, count: header.count)
        for row in all { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = min(maxWidth, max(widths[i], cell.count)) } }
        return all.map { row in
            row.enumerated().map { i, cell in
                let clipped = cell.count > maxWidth ? String(cell.prefix(maxWidth - 1)) + "…" : cell
                return i == row.count - 1 ? clipped : clipped.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
