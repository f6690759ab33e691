import ArgumentParser
import CityWatchCore

struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check-config", abstract: "Not implemented yet.")

    func run() async throws {
        throw CleanExit.message("citywatch check-config: not implemented yet")
    }
}
