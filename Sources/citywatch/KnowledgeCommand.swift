import ArgumentParser
import CityWatchCore
import Foundation

struct KnowledgeCommand: AsyncParsableCommand {
    enum Subject: String, ExpressibleByArgument, CaseIterable { case cities, figures }

    static let configuration = CommandConfiguration(
        commandName: "knowledge",
        abstract: "Show what the knowledge holds: cities (first seen, articles, sources) or figures (with their history).",
        discussion: "A figure's value stated by several articles shows how many articles and distinct sources corroborate it."
    )

    @OptionGroup var options: ConfigOptions

    @Argument(help: "cities or figures")
    var subject: Subject

    @Flag(help: "One JSON object per line.")
    var json = false

    func run() async throws {
        let config = try options.load(command: "knowledge")
        let store = try options.openStore(config, command: "knowledge")
        var out = ""
        do {
            switch subject {
            case .cities:
                let cities = try store.cities()
                if json {
                    var w = JSONWriter()
                    for city in cities { city.appendJSON(to: &w); w.newline() }
                    out = w.string
                }
                else {
                    let rows = cities.map { [$0.city, $0.firstSeen, String($0.articles), $0.sources.joined(separator: ", ")] }
                    out = rows.isEmpty ? "no cities known yet\n" : TextTable.render(header: ["city", "first seen", "articles", "sources"], rows: rows)
                }
            case .figures:
                let figures = try store.figures()
                if json {
                    var w = JSONWriter()
                    for figure in figures { figure.appendJSON(to: &w); w.newline() }
                    out = w.string
                }
                else {
                    let rows = figures.map { f -> [String] in
                        let history = f.history.map { "\(NumberText.figure($0.value, unit: f.unit)) since \($0.firstSeen) (\($0.articles) articles, \($0.sources) sources)" }
                        return [f.city ?? "national", f.measure, NumberText.figure(f.current, unit: f.unit), history.joined(separator: " → ")]
                    }
                    out = rows.isEmpty ? "no figures known yet\n"
                        : TextTable.render(header: ["city", "measure", "current", "history"], rows: rows, maxWidth: 200)
                }
            }
        } catch {
            StandardError.write("<3>citywatch knowledge: cannot read the knowledge store: \(error)\n")
            throw ExitCode(1)
        }
        StandardOutput.write(out)
    }
}
