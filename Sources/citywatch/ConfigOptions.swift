import ArgumentParser
import CityWatchCore
import Foundation

/// `--config PATH`, shared by every command that reads the config file.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The config file.",
            discussion: "Default: $CITYWATCH_CONFIG, then /etc/citywatch/citywatch.toml.", valueName: "path"))
    var config: String?

    /// The config, or exit status 2 with every issue on standard error.
    func load(command: String) throws -> Config {
        let path = Config.defaultPath(explicit: config)
        do {
            return try Config.load(path: path)
        } catch {
            for issue in error.issues { StandardError.write("<3>citywatch \(command): \(issue)\n") }
            throw ExitCode(2)
        }
    }

    /// The knowledge store, or exit status 1 when it cannot be opened.
    func openStore(_ config: Config, command: String) throws -> KnowledgeStore {
        do {
            return try KnowledgeStore(path: config.databasePath)
        } catch {
            StandardError.write("<3>citywatch \(command): \(error)\n")
            throw ExitCode(1)
        }
    }
}
