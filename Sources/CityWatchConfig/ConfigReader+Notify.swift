import Foundation
import TOMLKit
import CityWatchFetching
import CityWatchKnowledge

/// `[[notify]]` entries: every key checked, secrets only by reference, inline secrets refused.
extension ConfigReader {
    static let notifyKeys = ["name", "type", "kinds", "cities", "states", "watched_only", "min_sources", "digest",
                             "timezone", "token_env", "credential", "url", "homeserver", "room", "chat_id", "api_url",
                             "from", "to", "username", "html", "ca_file", "priority", "tags"]
    /// Keys that would hold a secret in the file.
    static let secretKeys = ["token", "password", "secret", "access_token", "api_key", "webhook_url", "bot_token"]

    mutating func readNotifiers(_ root: TOMLTable) -> [Config.Notify] {
        guard let value = root["notify"] else { return [] }
        guard let array = value.array else {
            issue("notify", 0, nil, "notify must be an array of tables", "write each notifier as a [[notify]] section")
            return []
        }
        var out: [Config.Notify] = []
        for (i, element) in array.enumerated() {
            guard let entry = element.table else {
                issue("notify", i, nil, "each notifier must be a table", "write each notifier as a [[notify]] section")
                continue
            }
            guard let notify = readNotify(entry, index: i) else { continue }
            if out.contains(where: { $0.name == notify.name }) {
                issue("notify", i, "name", "\"\(notify.name)\" is used by two notifiers", "give each [[notify]] its own name")
            }
            out.append(notify)
        }
        return out
    }

    mutating func readNotify(_ entry: TOMLTable, index i: Int) -> Config.Notify? {
        for key in entry.keys where !Self.notifyKeys.contains(key) {
            if Self.secretKeys.contains(key) {
                issue("notify", i, key, "a secret written in the config file",
                      "remove it; put the secret in an environment variable named by token_env = \"...\" or a systemd credential named by credential = \"...\"")
            } else {
                issue("notify", i, key, "unknown key", "remove it or correct the spelling; [[notify]] knows \(Self.notifyKeys.joined(separator: ", "))")
            }
        }
        let name = string(entry, "notify", "name", index: i)
        if entry["name"] == nil { issue("notify", i, "name", "missing", "add name = \"...\" to this [[notify]]") }
        let typeText = string(entry, "notify", "type", index: i)
        let services = Config.Notify.Service.allCases.map(\.rawValue).joined(separator: ", ")
        if entry["type"] == nil { issue("notify", i, "type", "missing", "add type = \"slack\" (one of \(services))") }
        var service: Config.Notify.Service?
        if let typeText {
            service = Config.Notify.Service(rawValue: typeText.lowercased())
            if service == nil { issue("notify", i, "type", "\"\(typeText)\" is not a notifier type", "use one of \(services)") }
        }
        guard let name, let service else { return nil }
        var notify = Config.Notify(name: name, service: service)
        readFilters(entry, index: i, into: &notify)
        readSettings(entry, index: i, into: &notify)
        checkSecret(entry, index: i, notify)
        return notify
    }

    mutating func readFilters(_ entry: TOMLTable, index i: Int, into notify: inout Config.Notify) {
        for kind in listOfStrings(entry, "kinds", index: i) {
            if let parsed = Alert.Kind(rawValue: kind) { notify.kinds.append(parsed) } else {
                issue("notify", i, "kinds", "\"\(kind)\" is not an alert kind", "use new_city, new_figure and changed_figure")
            }
        }
        for city in listOfStrings(entry, "cities", index: i) {
            if let normal = WatchedCityName.normalize(city) { notify.cities.append(normal) } else {
                issue("notify", i, "cities", "\"\(city)\" is not written as \"Name, ST\"", "write e.g. \"Chicago, IL\"")
            }
        }
        for state in listOfStrings(entry, "states", index: i) {
            let code = state.uppercased()
            if code.count == 2, code.allSatisfy(\.isLetter) { notify.states.append(code) } else {
                issue("notify", i, "states", "\"\(state)\" is not a two-letter state code", "write e.g. \"IL\" or \"DC\"")
            }
        }
        notify.watchedOnly = bool(entry, "watched_only", index: i) ?? false
        if let value = entry["min_sources"] {
            if let n = value.int, (1...100).contains(n) { notify.minSources = n } else {
                issue("notify", i, "min_sources", "\(value.debugDescription) is not a number from 1 to 100",
                      "write min_sources = 2 to wait for a second independent source")
            }
        }
        if let text = string(entry, "notify", "digest", index: i) {
            notify.digest = DigestSchedule(text)
            if notify.digest == nil {
                issue("notify", i, "digest", "\"\(text)\" is not a digest schedule", "write digest = \"hourly\" or digest = \"daily 07:00\"")
            } else if notify.service == .webhook {
                issue("notify", i, "digest", "a webhook receives each alert as it comes", "remove digest, or use another type")
            }
        }
        if let zone = string(entry, "notify", "timezone", index: i) {
            if TimeZone(identifier: zone) != nil { notify.timezone = zone } else {
                issue("notify", i, "timezone", "\"\(zone)\" is not a known time zone", "use an IANA name such as \"America/Chicago\" or \"UTC\"")
            }
        }
    }

    mutating func readSettings(_ entry: TOMLTable, index i: Int, into notify: inout Config.Notify) {
        notify.secret = Config.Notify.Secret(environment: string(entry, "notify", "token_env", index: i),
                                             credential: string(entry, "notify", "credential", index: i))
        notify.url = string(entry, "notify", "url", index: i)
        notify.homeserver = string(entry, "notify", "homeserver", index: i)
        notify.room = string(entry, "notify", "room", index: i)
        notify.chatID = entry["chat_id"]?.int.map(String.init) ?? string(entry, "notify", "chat_id", index: i)
        notify.apiURL = string(entry, "notify", "api_url", index: i)
        notify.from = string(entry, "notify", "from", index: i)
        notify.to = listOfStrings(entry, "to", index: i)
        notify.username = string(entry, "notify", "username", index: i)
        notify.html = bool(entry, "html", index: i) ?? false
        if let file = string(entry, "notify", "ca_file", index: i) {
            notify.caFile = file.hasPrefix("/") ? file : (folder as NSString).appendingPathComponent(file)
        }
        notify.priority = entry["priority"]?.int.map(String.init) ?? string(entry, "notify", "priority", index: i)
        notify.tags = listOfStrings(entry, "tags", index: i)
        for (key, value) in [("url", notify.url), ("homeserver", notify.homeserver), ("api_url", notify.apiURL)] {
            if let value, let why = Self.inlineSecret(value) {
                issue("notify", i, key, "holds a secret (\(why)): the config file is not the place for it",
                      "remove it; put it in an environment variable named by token_env = \"...\" or a systemd credential named by credential = \"...\"")
            }
        }
        let need: [String]
        switch notify.service {
        case .email: need = ["url", "from", "to"]
        case .matrix: need = ["homeserver", "room"]
        case .ntfy, .webhook: need = ["url"]
        case .telegram: need = ["chat_id"]
        case .slack, .discord: need = []
        }
        for key in need where entry[key] == nil {
            issue("notify", i, key, "missing: a \(notify.service.rawValue) notifier needs it", Self.example(key))
        }
        if notify.service == .email {
            for address in [notify.from].compactMap({ $0 }) + notify.to where !SMTPTransfer.address(address).contains("@") {
                issue("notify", i, notify.to.contains(address) ? "to" : "from", "\"\(address)\" is not an e-mail address",
                      "write it as \"desk@example.org\" or \"Desk <desk@example.org>\"")
            }
            if entry["to"] != nil, notify.to.isEmpty { issue("notify", i, "to", "is empty", Self.example("to")) }
        }
        if let priority = notify.priority,
           !["1", "2", "3", "4", "5", "min", "low", "default", "high", "max", "urgent"].contains(priority.lowercased()) {
            issue("notify", i, "priority", "\"\(priority)\" is not an ntfy priority", "use 1 to 5, or min, low, default, high, max or urgent")
        }
        let schemes: Set<String> = notify.service == .email ? ["smtp", "smtps"] : ["http", "https"]
        for (key, value) in [("url", notify.url), ("homeserver", notify.homeserver), ("api_url", notify.apiURL)] {
            guard let value, Self.inlineSecret(value) == nil else { continue }
            if !Self.isURL(value, schemes: schemes) {
                issue("notify", i, key, "\"\(value)\" is not a \(schemes.sorted().joined(separator: " or ")) URL", Self.example(key))
            } else if value.lowercased().hasPrefix("http:"), !Self.isLoopbackURL(value) {
                issue("notify", i, key, "\"\(value)\" is plain http: the alerts (and any token) would cross the network unencrypted",
                      "use an https URL (plain http is accepted only for a loopback host such as 127.0.0.1)")
            }
        }
        if notify.service == .slack || notify.service == .discord, notify.url != nil, Self.inlineSecret(notify.url!) == nil {
            issue("notify", i, "url", "a \(notify.service.rawValue) webhook URL is itself the secret",
                  "remove url; put the URL in an environment variable named by token_env = \"...\" or a credential named by credential = \"...\"")
        }
    }

    /// A required secret must be named, and a named environment variable must be set (credentials are checked when
    /// systemd provides them: `check-config` run by hand has none).
    mutating func checkSecret(_ entry: TOMLTable, index i: Int, _ notify: Config.Notify) {
        let secret = notify.secret
        if secret.isEmpty {
            if notify.needsSecret {
                issue("notify", i, "token_env", "a \(notify.service.rawValue) notifier needs a secret (\(Self.secretMeaning(notify.service)))",
                      "add token_env = \"CITYWATCH_\(notify.name.uppercased().filter { $0.isLetter || $0.isNumber })_SECRET\" (an environment variable) or credential = \"\(notify.name.lowercased().filter { $0.isLetter || $0.isNumber })\" (a systemd credential)")
            }
            return
        }
        if case .failure(let error) = NotifySecret.resolve(secret, notifier: notify.name, environment: environment) {
            let credentialsAvailable = !(environment["CREDENTIALS_DIRECTORY"] ?? "").isEmpty
            // Only a credential, and no credentials here: the daemon under systemd will have them.
            if secret.environment == nil && !credentialsAvailable { return }
            issue("notify", i, secret.environment != nil ? "token_env" : "credential", "the secret is missing", error.message)
        }
    }

    static func secretMeaning(_ service: Config.Notify.Service) -> String {
        switch service {
        case .slack, .discord: return "the incoming-webhook URL"
        case .matrix: return "the access token"
        case .telegram: return "the bot token"
        case .email: return "the SMTP password"
        case .ntfy, .webhook: return "a bearer token"
        }
    }

    static func example(_ key: String) -> String {
        switch key {
        case "url": return "write url = \"https://...\" (email: \"smtps://mail.example.org:465\" or \"smtp://mail.example.org:587\")"
        case "from": return "write from = \"citywatch@example.org\""
        case "to": return "write to = [\"desk@example.org\"]"
        case "homeserver": return "write homeserver = \"https://matrix.example.org\""
        case "room": return "write room = \"!roomid:example.org\""
        case "chat_id": return "write chat_id = \"-1001234567890\""
        default: return "write an https URL"
        }
    }

    /// Why a URL written in the config evidently carries a secret, or nil.
    static func inlineSecret(_ url: String) -> String? {
        let lower = url.lowercased()
        if lower.contains("hooks.slack.com/") { return "a Slack incoming-webhook URL" }
        if lower.contains("discord.com/api/webhooks") || lower.contains("discordapp.com/api/webhooks") {
            return "a Discord webhook URL"
        }
        if lower.range(of: #"/bot[0-9]+:[a-z0-9_-]+"#, options: .regularExpression) != nil { return "a Telegram bot token" }
        if lower.contains("access_token=") || lower.contains("token=") { return "a token in the query" }
        if let parts = URLComponents(string: url), parts.password != nil { return "a password in the URL" }
        return nil
    }

    mutating func listOfStrings(_ table: TOMLTable, _ key: String, index i: Int) -> [String] {
        guard let value = table[key] else { return [] }
        if let single = value.string { return [single] }
        guard let array = value.array else {
            issue("notify", i, key, "must be a list of strings, not \(value.type)", "write \(key) = [\"...\"]")
            return []
        }
        var out: [String] = []
        for element in array {
            guard let s = element.string?.trimmingCharacters(in: .whitespaces) else {
                issue("notify", i, key, "holds \(element.debugDescription), which is not a string", "put every entry in double quotes")
                return []
            }
            if !s.isEmpty { out.append(s) }
        }
        return out
    }

    mutating func bool(_ table: TOMLTable, _ key: String, index i: Int) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let b = value.bool else {
            issue("notify", i, key, "must be true or false, not \(value.type)", "write \(key) = true")
            return nil
        }
        return b
    }
}
