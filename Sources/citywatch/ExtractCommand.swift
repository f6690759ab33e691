import ArgumentParser
import CityWatchCore

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "Not implemented yet.")

    func run() async throws {
        throw CleanExit.message("citywatch extract: not implemented yet")
    }
}
