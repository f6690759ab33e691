import ArgumentParser
import CityWatchCore
import Foundation

struct NotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Work with the [[notify]] notifiers.",
        subcommands: [NotifyTestCommand.self]
    )
}

struct NotifyTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Send one sample alert through a notifier and show what the server answered.",
        discussion: "Exit status 0 when the server accepted it, 1 when it did not, 2 for a bad config or an unknown name."
    )

    @Argument(help: "The notifier's name (its [[notify]] name).")
    var name: String

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        let config = try options.load(command: "notify test")
        guard let entry = config.notifiers.first(where: { $0.name == name }) else {
            let known = config.notifiers.map { "\"\($0.name)\"" }.joined(separator: ", ")
            StandardError.write("<3>citywatch notify test: no notifier named \"\(name)\" in \(config.file) (configured: \(known.isEmpty ? "none; add a [[notify]] section" : known))")
            throw ExitCode(2)
        }
        let notifier: any Notifier
        switch Notifiers.make(entry) {
        case .success(let made): notifier = made
        case .failure(let error):
            StandardError.write("<3>citywatch notify test: \(error.message)")
            throw ExitCode(1)
        }
        let target = "\(entry.service.rawValue) notifier \"\(entry.name)\""
        do {
            let reply = try await notifier.send(NotifyMessage.sample())
            StandardOutput.write("\(target): sent; the server answered \(Self.describe(status: reply.status, service: entry.service)): \(reply.firstLine.isEmpty ? "(empty body)" : reply.firstLine)\n")
        } catch let error as FetchError {
            var line = "\(target): not sent: \(error.message)"
            if let status = error.status, !error.message.contains("\(status)") { line += " (status \(status))" }
            if let reply = error.reply, !reply.isEmpty, !error.message.contains(reply) { line += "; the server answered: \(reply)" }
            if let wait = error.retryAfter { line += "; it asks to retry after \(Int(wait)) s" }
            StandardOutput.write(line + "\n")
            throw ExitCode(1)
        } catch {
            StandardOutput.write("\(target): not sent: \(error)\n")
            throw ExitCode(1)
        }
    }

    static func describe(status: Int, service: Config.Notify.Service) -> String {
        service == .email ? "SMTP \(status)" : "HTTP \(status)"
    }
}
