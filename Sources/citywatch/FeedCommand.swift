import ArgumentParser
import CityWatchCore
import Foundation

struct FeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Parse RSS, RDF, Atom or JSON feeds and print their items.",
        discussion: "Exit status 1 when an input could not be read; the others are still done.")

    @Argument(help: "Feed files or http(s)/file URLs; - reads standard input.")
    var inputs: [String] = []

    @Option(name: .customLong("inputs-from"),
            help: ArgumentHelp("Also read inputs from FILE, one per line (- for standard input); fast for thousands.",
                               valueName: "FILE"))
    var inputsFrom: String?

    @Flag(help: "One JSON object per input per line.")
    var json = false

    @Option(help: ArgumentHelp("For files: read them as if served with this Content-Type header.", visibility: .hidden))
    var contentType: String?

    @Option(help: ArgumentHelp("For files: resolve relative links against this URL.", visibility: .hidden))
    var baseURL: String?

    @Option(help: ArgumentHelp("Parse the inputs N times in memory and report throughput.", visibility: .hidden))
    var benchmark: Int?

    func validate() throws {
        if inputs.isEmpty && inputsFrom == nil { throw ValidationError("give at least one feed file or URL") }
    }

    func run() async throws {
        var inputs = self.inputs
        if let list = inputsFrom {
            guard let listed = Self.readList(list) else { throw ValidationError("cannot read the input list \(list)") }
            inputs += listed
        }
        try await Self.run(inputs: inputs, json: json, contentType: contentType, baseURL: baseURL, benchmark: benchmark)
    }

    /// The inputs named in a list file (- for standard input), nil when it cannot be read.
    static func readList(_ list: String) -> [String]? {
        // ArgumentParser's positional handling grows quadratically with thousands of paths; a list file does not.
        let data = list == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try? InputLoader.readFile(list)
        // Split on the bytes: CR and LF end a line, blank lines are skipped (a Character-wise split costs more
        // than reading the files).
        return data?.withUnsafeBytes { raw -> [String] in
            let b = raw.bindMemory(to: UInt8.self)
            var lines: [String] = []
            var start = 0
            for i in 0...b.count where i == b.count || b[i] == 0x0A || b[i] == 0x0D {
                if i > start { lines.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)) }
                start = i + 1
            }
            return lines
        }
    }

    /// `citywatch feed [--json] [--inputs-from LIST] INPUT...` (each option at most once, no input or LIST
    /// starting with '-') without ArgumentParser: building its command tree and reflecting on every command's
    /// properties is a good part of the process start (1.5-3 ms, and a whole batch of small feeds takes ~30 ms).
    /// nil when the arguments are any other, or the list cannot be read: ArgumentParser then runs as usual and
    /// reports what it reports.
    static func fastRun(_ arguments: [String]) async -> ExitCode? {
        guard arguments.first == "feed", arguments.count >= 2 else { return nil }
        var json = false, list: String?
        var inputs: [String] = []
        var i = 1
        while i < arguments.count {
            let argument = arguments[i]
            switch argument {
            case "--json" where !json: json = true; i += 1
            case "--inputs-from" where list == nil && i + 1 < arguments.count && !arguments[i + 1].hasPrefix("-"):
                list = arguments[i + 1]; i += 2
            default:
                guard !argument.hasPrefix("-") else { return nil }
                inputs.append(argument); i += 1
            }
        }
        if let list {
            guard let listed = readList(list) else { return nil }
            inputs += listed
        }
        guard !inputs.isEmpty || list != nil else { return nil }
        do {
            try await run(inputs: inputs, json: json, contentType: nil, baseURL: nil, benchmark: nil)
            return .success
        } catch {
            return (error as? ExitCode) ?? .failure  // run throws nothing else
        }
    }

    static func run(inputs: [String], json: Bool, contentType: String?, baseURL: String?, benchmark: Int?) async throws {
        if let rounds = benchmark {
            StandardOutput.write(FeedBenchmark.run(paths: inputs, rounds: max(1, rounds)) + "\n")
            return
        }
        var unreadable = false
        var writer = JSONWriter()
        for input in inputs {
            let parsed: ParsedFeed
            do {
                let loaded = try await InputLoader.load(input)
                var headers = loaded.headers
                if loaded.url == nil, let contentType { headers["content-type"] = contentType }
                if headers.isEmpty && loaded.charset == nil {
                    parsed = FeedParser.parse(loaded.data, input: input, baseURL: loaded.url ?? baseURL)
                } else {
                    if headers["content-type"] == nil, let charset = loaded.charset { headers["content-type"] = "application/xml; charset=\(charset)" }
                    parsed = FeedParser.parse(loaded.data, input: input, url: loaded.url ?? baseURL, headers: headers)
                }
            } catch {
                unreadable = true
                parsed = ParsedFeed(input: input, parseOK: false, error: "\(error)")
            }
            if json {
                parsed.appendJSON(to: &writer)
                writer.newline()
            } else {
                FeedSummary.append(parsed, to: &writer)
            }
            if writer.bytes.count > 1 << 16 { flush(&writer) }
        }
        flush(&writer)
        if unreadable { throw ExitCode(1) }
    }

    private static func flush(_ writer: inout JSONWriter) {
        writer.bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        writer.removeAll()
    }
}

/// The readable form of `citywatch feed` without --json.
enum FeedSummary {
    static func append(_ feed: ParsedFeed, to out: inout JSONWriter) {
        var text = "\(feed.input): "
        if feed.parseOK {
            text += "\(feed.format ?? "?") \(feed.version ?? ""), \(feed.items.count) item(s)"
            if let title = feed.feed.titleText { text += " — \(title)" }
        } else {
            text += "not parsed"
        }
        text += "\n"
        if let error = feed.error { text += "  error: \(error)\n" }
        for item in feed.items {
            text += "  - \(item.published ?? item.updated ?? "(no date)")  \(item.titleText ?? "(untitled)")"
            if let link = item.link { text += "  <\(link)>" }
            text += "\n"
        }
        out.append(text)
    }
}
