import CityWatchCore
import Foundation

/// The fuzz targets: each runs one input through a parser the way the daemon and the CLI do, and renders the
/// result so the output code runs too. A target must return for every input; a trap, a sanitizer report, a
/// leak or a slow input is a bug.
enum FuzzTargets {
    static let names = ["feed", "page", "seedtext", "numbers", "extract", "config", "flatjson", "headers"]

    /// Built once: the gazetteer and keyword sets are shared by every input.
    static let extractor = Extractor()

    /// Runs `data` through `target`; false when there is no such target.
    static func run(_ target: String, _ data: Data) -> Bool {
        switch target {
        case "feed": feed(data)
        case "page": page(data)
        case "seedtext": seedText(data)
        case "numbers": numbers(data)
        case "extract": extract(data)
        case "config": config(data)
        case "flatjson": flatJSON(data)
        case "headers": headers(data)
        default: return false
        }
        return true
    }

    /// RSS, RDF, Atom and JSON Feed (the parser sniffs which), serialised as `citywatch feed --json` does.
    static func feed(_ data: Data) {
        let parsed = FeedParser.parse(data, input: "fuzz", baseURL: "https://example.org/news/feed.xml")
        var writer = JSONWriter()
        parsed.appendJSON(to: &writer)
        for item in parsed.items { _ = item.titleText }
    }

    /// A whole HTML page: charset sniffing, the prescan, the tree builder, main-content finding, metadata.
    static func page(_ data: Data) {
        guard let doc = try? ArticlePageParser.parse(data, url: "https://example.org/news/story.html") else { return }
        _ = doc.jsonLine()
        _ = SeedTextRenderer.render(doc)
    }

    /// The seed text format, rendered back.
    static func seedText(_ data: Data) {
        let doc = SeedTextParser.parse(String(decoding: data, as: UTF8.self))
        _ = doc.jsonLine()
        _ = SeedTextRenderer.render(doc)
    }

    /// The number recogniser over every sentence of the text.
    static func numbers(_ data: Data) {
        _ = NumberMention.recognized(in: String(decoding: data, as: UTF8.self))
    }

    /// `citywatch extract --numbers`: the document reader (page, fragment or seed text) and every extractor.
    static func extract(_ data: Data) {
        guard let doc = try? DocumentReader.read(data) else { return }
        _ = extractor.extract(doc, numbers: true).jsonLine()
    }

    /// The config loader on config text (what `Config.load` does after reading the file).
    static func config(_ data: Data) {
        do {
            _ = try Config.parse(String(decoding: data, as: UTF8.self), file: "/nonexistent/citywatch-fuzz.toml")
        } catch {
            _ = error.description
        }
    }

    /// The JSONL fast path. Whatever it accepts must be a JSON object to Foundation with the same string members:
    /// a difference would change what `extract --jsonl` reads.
    static func flatJSON(_ data: Data) {
        guard let fast = FlatJSONObject.strings(data) else { return }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            fatalError("FlatJSONObject accepted what Foundation rejects")
        }
        let general = object.compactMapValues { $0 as? String }
        if fast != general { fatalError("FlatJSONObject and Foundation read different strings: \(fast) vs \(general)") }
    }

    /// A response head as a server sends it, one line at a time as libcurl hands them over: each line read by
    /// `HeaderLine`. A field's name must come out lower-case ASCII letters kept as such and must never hold the
    /// line's colon; a status code is never negative.
    static func headers(_ data: Data) {
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            switch HeaderLine(Data(line)) {
            case .field(let name, _):
                if name.utf8.contains(where: { (0x41...0x5A).contains($0) }) { fatalError("header name not lower-cased: \(name)") }
                if name.contains(":") { fatalError("header name holds the colon: \(name)") }
            case .status(let code):
                if code < 0 { fatalError("negative status code \(code)") }
            case .none:
                break
            }
        }
    }
}
