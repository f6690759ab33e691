import ArgumentParser
import CityWatchCore

@main
struct CityWatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citywatch",
        abstract: "Watches news feeds for US cities named in immigration-enforcement operations, and for new or changed figures.",
        version: CityWatch.version,
        subcommands: [
            RunCommand.self, CheckConfigCommand.self, ParseCommand.self, ExtractCommand.self,
            FeedCommand.self, AlertsCommand.self, KnowledgeCommand.self, StatusCommand.self, NotifyCommand.self, BenchKnowledgeCommand.self,
        ]
    )

    /// Like ArgumentParser's own main, but usage errors exit 2 as INTERFACE.md says (not 64).
    static func main() async {
        if let code = await FeedCommand.fastRun(Array(CommandLine.arguments.dropFirst())) {
            if code != .success { exit(withError: code) }
            return
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardError.writeRaw(fullMessage(for: error) + "\n")
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
