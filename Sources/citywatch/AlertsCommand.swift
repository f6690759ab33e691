import ArgumentParser
import CityWatchCore

struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alerts", abstract: "Not implemented yet.")

    func run() async throws {
        throw CleanExit.message("citywatch alerts: not implemented yet")
    }
}
