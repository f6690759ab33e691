import ArgumentParser
import CityWatchCore
import Foundation

struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate the config file and print what it would watch.",
        discussion: "Exit status 0 when valid, 2 when not; every error names the file, line, key and the fix."
    )

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        let config = try options.load(command: "check-config")
        var out = "config \(config.file): valid\n"
        out += "  knowledge:  \(config.databasePath)\n"
        if let seeds = config.seedsDir {
            let count = ((try? FileManager.default.contentsOfDirectory(atPath: seeds)) ?? []).filter { !$0.hasPrefix(".") }.count
            out += "  seeds:      \(seeds) (\(count) files, imported once as the baseline)\n"
        } else {
            out += "  seeds:      none\n"
        }
        out += "  alert log:  \(config.alertLog)\n"
        out += "  webhook:    \(config.webhook ?? "none")\n"
        out += "  schedule:   every \(DurationText.format(config.interval)), \(config.concurrency) feeds at a time\n"
        out += "  fetch:      timeout \(DurationText.format(config.fetchTimeout)), at most \(config.maxBytes) bytes, \(config.maxRedirects) redirects\n"
        out += "  links:      " + (config.allowPrivateNetworks
            ? "may reach private networks and local files (allow_private_networks = true)\n"
            : "public addresses only, except on a feed's own origin; file: links only inside a file: feed's folder\n")
        out += "  keywords:   \(config.keywords.joined(separator: ", "))\n"
        out += "  watched:    \(config.watchedCities.isEmpty ? "none" : config.watchedCities.joined(separator: "; "))\n"
        out += "  ignored:    \(config.ignoredCities.isEmpty ? "none" : config.ignoredCities.joined(separator: "; "))\n"
        if let listen = config.httpListen {
            out += "  http:       http://\(listen)/ (dashboard, alerts.json, alerts.atom, metrics, healthz)"
            out += listen.isLoopback ? "\n" : "; NOT loopback: reachable from the network, with no authentication\n"
        }
        out += "  feeds (\(config.feeds.count)):\n"
        for feed in config.feeds {
            let articles = feed.fetchArticles ? "fetches article pages" : "feed text only"
            out += "    \(feed.name)  \(feed.url)  every \(DurationText.format(config.interval(of: feed))), \(articles)\n"
        }
        if config.feeds.isEmpty { out += "    none: add a [[feed]] section with name and url\n" }
        out += "  atom feed:  \(config.atomFeed ?? "none")\n"
        out += "  notifiers (\(config.notifiers.count)):\n"
        for entry in config.notifiers {
            out += "    \(entry.name)  \(entry.service.rawValue)  \(NotifierHealth.describe(entry))\n"
            if !entry.secret.isEmpty, case .failure(let error) = NotifySecret.resolve(entry.secret, notifier: entry.name) {
                out += "      note: \(error.message)\n"
            }
        }
        if config.notifiers.isEmpty { out += "    none\n" }
        StandardOutput.write(out)
    }
}
