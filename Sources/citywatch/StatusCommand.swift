import ArgumentParser
import CityWatchCore

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Not implemented yet.")

    func run() async throws {
        throw CleanExit.message("citywatch status: not implemented yet")
    }
}
