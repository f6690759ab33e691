import ArgumentParser
import CityWatchCore

struct FeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "feed", abstract: "Not implemented yet.")

    func run() async throws {
        throw CleanExit.message("citywatch feed: not implemented yet")
    }
}
