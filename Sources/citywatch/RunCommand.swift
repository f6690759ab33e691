import ArgumentParser
import CityWatchCore

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Not implemented yet.")

    func run() async throws {
        throw CleanExit.message("citywatch run: not implemented yet")
    }
}
