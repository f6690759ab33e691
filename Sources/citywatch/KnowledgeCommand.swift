import ArgumentParser
import CityWatchCore

struct KnowledgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "knowledge", abstract: "Not implemented yet.")

    func run() async throws {
        throw CleanExit.message("citywatch knowledge: not implemented yet")
    }
}
