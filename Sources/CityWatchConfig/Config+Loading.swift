import Foundation
import TOMLKit
import CityWatchFetching
import CityWatchExtraction

extension Config {
    /// Reads and validates a config file; every problem found is reported at once.
    package static func load(path: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> Config {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let data = FileManager.default.contents(atPath: absolute) else {
            let exists = FileManager.default.fileExists(atPath: absolute)
            throw ConfigError([ConfigIssue(file: absolute, line: nil, key: "(file)",
                message: exists ? "cannot read the config file" : "no config file here",
                fix: exists ? "make it readable by this user" : "create it (see config/citywatch.toml) or pass --config PATH or set CITYWATCH_CONFIG")])
        }
        return try parse(String(decoding: data, as: UTF8.self), file: absolute, environment: environment)
    }

    /// Validates config text; `file` names it in messages and anchors relative paths.
    package static func parse(_ text: String, file: String,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> Config {
        // toml++ (inside TOMLKit) aborts the process on some invalid TOML instead of reporting it.
        if let line = TOMLPrecheck.abortingLine(text) {
            throw ConfigError([ConfigIssue(file: file, line: line, key: "(syntax)",
                message: "a table header must hold a key, such as [fetch] or [[feed]], and an array a value before any \"}\"",
                fix: "correct the TOML syntax at that line")])
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError([ConfigIssue(file: file, line: error.source.begin.line, key: "(syntax)",
                message: error.description, fix: "correct the TOML syntax at that line")])
        } catch {
            throw ConfigError([ConfigIssue(file: file, line: nil, key: "(syntax)", message: "\(error)",
                fix: "correct the TOML syntax")])
        }
        var reader = ConfigReader(file: file, lines: ConfigLineIndex(text), environment: environment)
        let config = reader.read(root)
        if !reader.issues.isEmpty { throw ConfigError(reader.issues) }
        return config!
    }
}

/// Finds the line of `[table] key` in config text, since TOMLKit reports no positions for values.
struct ConfigLineIndex {
    private var entries: [(table: String, index: Int, key: String, line: Int)] = []
    private var headers: [(table: String, index: Int, line: Int)] = []

    init(_ text: String) {
        var table = ""
        var arrayCounts: [String: Int] = [:]
        var index = 0
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[[") {
                table = line.dropFirst(2).prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                index = arrayCounts[table, default: 0]
                arrayCounts[table] = index + 1
                headers.append((table, index, n + 1))
            } else if line.hasPrefix("[") {
                table = line.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                index = 0
                headers.append((table, 0, n + 1))
            } else if let eq = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let key = line[..<eq].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                entries.append((table, index, key, n + 1))
            }
        }
    }

    /// The line of a key (or of the table header when `key` is nil).
    func line(table: String, index: Int = 0, key: String?) -> Int? {
        if let key, let hit = entries.first(where: { $0.table == table && $0.index == index && $0.key == key }) {
            return hit.line
        }
        return headers.first(where: { $0.table == table && $0.index == index })?.line
    }
}

/// Walks the parsed TOML, collecting issues instead of stopping at the first.
package struct ConfigReader {
    let file: String
    let lines: ConfigLineIndex
    /// Where the notifiers' secrets are looked up (the process environment, or a test's).
    var environment: [String: String] = [:]
    var issues: [ConfigIssue] = []

    var folder: String { (file as NSString).deletingLastPathComponent }

    static let known: [String: [String]] = [
        "storage": ["state_dir", "seeds_dir"],
        "alerts": ["log", "webhook", "atom"],
        "schedule": ["interval", "concurrency"],
        "fetch": ["timeout", "max_bytes", "max_redirects", "allow_private_networks"],
        "watch": ["keywords", "cities", "ignore_cities"],
        "feed": ["name", "url", "interval", "fetch_articles"],
        "notify": Self.notifyKeys,
        "http": ["listen"],
    ]

    mutating func issue(_ table: String, _ index: Int = 0, _ key: String?, _ message: String, _ fix: String) {
        let section = table == "feed" || table == "notify" ? "[[\(table)]] #\(index + 1)" : "[\(table)]"
        let name = key.map { table.isEmpty ? $0 : "\(section) \($0)" } ?? section
        issues.append(ConfigIssue(file: file, line: lines.line(table: table, index: index, key: key),
                                  key: name, message: message, fix: fix))
    }

    mutating func read(_ root: TOMLTable) -> Config? {
        for key in root.keys where Self.known[key] == nil {
            issue("", 0, key, "unknown key or table", "remove it; known tables are [storage], [alerts], [schedule], [fetch], [watch], [http], [[feed]] and [[notify]]")
        }
        let storage = table(root, "storage")
        let alerts = table(root, "alerts")
        let schedule = table(root, "schedule")
        let fetch = table(root, "fetch")
        let watch = table(root, "watch")
        let http = table(root, "http")

        let stateDir = path(storage, "storage", "state_dir")
        if stateDir == nil, storage?["state_dir"] == nil {
            issue("storage", 0, "state_dir", "missing", "add state_dir = \"/var/lib/citywatch\" under [storage]")
        }
        let seedsDir = path(storage, "storage", "seeds_dir")
        if let seedsDir {
            var isDir: ObjCBool = false
            if !FileManager.default.fileExists(atPath: seedsDir, isDirectory: &isDir) || !isDir.boolValue {
                issue("storage", 0, "seeds_dir", "no folder at \(seedsDir)", "create it, point seeds_dir at the seeds folder, or remove the key")
            }
        }
        let log = path(alerts, "alerts", "log") ?? stateDir.map { ($0 as NSString).appendingPathComponent("alerts.jsonl") }
        let webhook = string(alerts, "alerts", "webhook")
        let atom = path(alerts, "alerts", "atom")
        if let webhook, !Self.isURL(webhook, schemes: ["http", "https"]) {
            issue("alerts", 0, "webhook", "\"\(webhook)\" is not an http or https URL", "write a full URL such as \"https://example.org/hook\"")
        } else if let webhook, webhook.lowercased().hasPrefix("http:"), !Self.isLoopbackURL(webhook) {
            issue("alerts", 0, "webhook", "\"\(webhook)\" is plain http: the bearer token and the alerts would cross the network unencrypted",
                  "use an https URL (plain http is accepted only for a loopback host such as 127.0.0.1)")
        }
        let interval = duration(schedule, "schedule", "interval") ?? 900
        let concurrency = integer(schedule, "schedule", "concurrency", range: 1...256) ?? 4
        let timeout = duration(fetch, "fetch", "timeout") ?? 30
        let maxBytes = integer(fetch, "fetch", "max_bytes", range: 1024...(1 << 34)) ?? 10_485_760
        let maxRedirects = integer(fetch, "fetch", "max_redirects", range: 0...50) ?? 5
        var allowPrivate = false
        if let value = fetch?["allow_private_networks"] {
            if let b = value.bool { allowPrivate = b } else {
                issue("fetch", 0, "allow_private_networks", "must be true or false, not \(value.type)",
                      "write allow_private_networks = false (the default) or true")
            }
        }
        let keywords = strings(watch, "watch", "keywords") ?? Extractor.defaultKeywords
        if keywords.isEmpty {
            issue("watch", 0, "keywords", "empty: no article could ever be relevant", "list at least one keyword, e.g. [\"ICE\"]")
        }
        let cities = cityList(watch, "cities")
        let ignored = cityList(watch, "ignore_cities")

        var feeds: [Config.Feed] = []
        if let value = root["feed"] {
            if let array = value.array {
                for (i, element) in array.enumerated() {
                    guard let entry = element.table else {
                        issue("feed", i, nil, "each feed must be a table", "write each feed as a [[feed]] section")
                        continue
                    }
                    if let feed = readFeed(entry, index: i) {
                        if feeds.contains(where: { $0.name == feed.name }) {
                            issue("feed", i, "name", "\"\(feed.name)\" is used by two feeds", "give each feed its own name")
                        }
                        feeds.append(feed)
                    }
                }
            } else {
                issue("feed", 0, nil, "feed must be an array of tables", "write each feed as a [[feed]] section")
            }
        }
        let notifiers = readNotifiers(root)
        let listen = listenAddress(http)
        guard issues.isEmpty, let stateDir, let log else { return nil }
        var config = Config(file: file, stateDir: stateDir, seedsDir: seedsDir, alertLog: log, webhook: webhook,
                      interval: interval, concurrency: concurrency, fetchTimeout: timeout, maxBytes: maxBytes,
                      maxRedirects: maxRedirects, allowPrivateNetworks: allowPrivate, keywords: keywords, watchedCities: cities, ignoredCities: ignored,
                      feeds: feeds, httpListen: listen)
        config.atomFeed = atom
        config.notifiers = notifiers
        return config
    }

    /// `[http] listen = "host:port"`.
    mutating func listenAddress(_ http: TOMLTable?) -> ListenAddress? {
        guard let http, let text = string(http, "http", "listen") else { return nil }
        switch ListenAddress.parse(text) {
        case .success(let address): return address
        case .failure(let error):
            issue("http", 0, "listen", "\"\(text)\": \(error.message)",
                  "write listen = \"127.0.0.1:8787\" (this machine only), or remove [http] to serve nothing")
            return nil
        }
    }

    mutating func readFeed(_ entry: TOMLTable, index i: Int) -> Config.Feed? {
        for key in entry.keys where !Self.known["feed"]!.contains(key) {
            issue("feed", i, key, "unknown key", "remove it; a feed knows name, url, interval and fetch_articles")
        }
        let name = string(entry, "feed", "name", index: i)
        if entry["name"] == nil { issue("feed", i, "name", "missing", "add name = \"...\" to this [[feed]]") }
        let url = string(entry, "feed", "url", index: i)
        if entry["url"] == nil { issue("feed", i, "url", "missing", "add url = \"https://...\" to this [[feed]]") }
        var resolved: String?
        if let url {
            resolved = resolveURL(url)
            if resolved == nil {
                issue("feed", i, "url", "\"\(url)\" is not an http, https or file URL", "write a full URL such as \"https://example.org/rss\" or \"file:feeds/local.xml\"")
            }
        }
        let interval = duration(entry, "feed", "interval", index: i)
        var fetchArticles = true
        if let value = entry["fetch_articles"] {
            if let b = value.bool { fetchArticles = b } else {
                issue("feed", i, "fetch_articles", "must be true or false, not \(value.type)", "write fetch_articles = true")
            }
        }
        guard let name, let resolved else { return nil }
        return Config.Feed(name: name, url: resolved, interval: interval, fetchArticles: fetchArticles)
    }

    /// A URL whose host is loopback as written ("localhost", 127.x.x.x, ::1).
    static func isLoopbackURL(_ url: String) -> Bool {
        guard let host = URLOrigin(url)?.host else { return false }
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if bare == "localhost" || bare.hasSuffix(".localhost") { return true }
        return NetworkAddress(bare)?.kind == .loopback
    }

    /// http(s) URLs as given; file URLs made absolute ("file:rel/x.xml" is relative to the config's folder).
    func resolveURL(_ url: String) -> String? {
        let lower = url.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            return Self.isURL(url, schemes: ["http", "https"]) ? url : nil
        }
        guard lower.hasPrefix("file:") else { return nil }
        var rest = String(url.dropFirst(5))
        if rest.hasPrefix("///") { rest = String(rest.dropFirst(2)) }
        else if rest.hasPrefix("//localhost/") { rest = String(rest.dropFirst(11)) }
        else if rest.hasPrefix("//") { rest = String(rest.dropFirst(2)) }
        guard !rest.isEmpty else { return nil }
        let decoded = rest.removingPercentEncoding ?? rest
        let full = decoded.hasPrefix("/") ? decoded : (folder as NSString).appendingPathComponent(decoded)
        return URL(fileURLWithPath: full).standardizedFileURL.absoluteString
    }

    package static func isURL(_ text: String, schemes: Set<String>) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), schemes.contains(scheme),
              let host = url.host, !host.isEmpty else { return false }
        return true
    }
}

/// Finds the TOML that toml++ 3.4 (TOMLKit 0.6) does not survive: it fails an assertion, which aborts the process,
/// so `check-config` or a SIGHUP reload would die rather than report the error. Two places are known (both found
/// by the config fuzz target): a table header whose `[` or `[[` and blanks are followed by neither a key nor `]`
/// ("[#", "[="), and an array whose `[` or `,` is followed by `}` ("a = [}", "a = [1, }"). A `[` opening a line
/// inside a string, an array or an inline table opens no header.
enum TOMLPrecheck {
    /// The 1-based line of the first such place, or nil.
    static func abortingLine(_ text: String) -> Int? {
        let b = Array(text.utf8)
        let n = b.count
        var i = 0
        var line = 1
        var open: [UInt8] = []   // the value's open arrays ("[") and inline tables ("{"), innermost last
        var last: UInt8 = 0      // the last character outside blanks, comments and string contents
        var lineStart = true     // only blanks since the last newline
        var inHeader = false     // brackets of a header line are not a value's
        func at(_ k: Int) -> UInt8 { k < n ? b[k] : 0 }
        // toml++ skips a leading UTF-8 byte order mark, so the first line's header starts after it.
        if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        func isKeyStart(_ c: UInt8) -> Bool {
            switch c {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F, 0x22, 0x27: return true   // A-Z a-z 0-9 - _ " '
            default: return false
            }
        }
        /// Skips a string opening at `i`; newlines inside multi-line strings are counted.
        func skipString() {
            let quote = b[i]
            let multi = at(i + 1) == quote && at(i + 2) == quote
            i += multi ? 3 : 1
            while i < n {
                let c = b[i]
                if c == 0x5C, quote == 0x22 { i += 2; continue }   // an escape in a basic string
                if c == 0x0A {
                    line += 1
                    if !multi { return }                            // unterminated: toml++ reports it
                }
                if c == quote {
                    if !multi { i += 1; return }
                    if at(i + 1) == quote, at(i + 2) == quote {
                        i += 3
                        while i < n, b[i] == quote { i += 1 }       // up to two quotes may end the content
                        return
                    }
                }
                i += 1
            }
        }
        while i < n {
            let c = b[i]
            switch c {
            case 0x0A:
                line += 1; lineStart = true; inHeader = false; i += 1
                continue
            case 0x20, 0x09, 0x0D:
                i += 1
                continue
            case 0x23:   // a comment, to the end of the line
                while i < n, b[i] != 0x0A { i += 1 }
                continue
            case 0x22, 0x27:
                skipString()
            case 0x5B where lineStart && open.isEmpty:
                var k = i + 1
                let array = at(k) == 0x5B
                if array { k += 1 }
                while at(k) == 0x20 || at(k) == 0x09 { k += 1 }
                // "]" and "[ [" are reported by toml++ itself; "[[ [" is not.
                if k < n, at(k) != 0x5D, !(at(k) == 0x5B && !array), !isKeyStart(at(k)) { return line }
                inHeader = true
                i += 1
            case 0x5B, 0x7B:
                if !inHeader { open.append(c) }
                i += 1
            case 0x5D, 0x7D:
                if !inHeader {
                    if c == 0x7D, open.last == 0x5B, last == 0x5B || last == 0x2C { return line }
                    _ = open.popLast()
                }
                i += 1
            default:
                i += 1
            }
            last = c
            lineStart = false
        }
        return nil
    }
}
