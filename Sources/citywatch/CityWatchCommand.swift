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
            FeedCommand.self, AlertsCommand.self, KnowledgeCommand.self, StatusCommand.self, BenchKnowledgeCommand.self,
        ]
    )
}
