import ArgumentParser
import CityWatchCore
import Foundation

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the facts of a document: cities, figures, quotes, relevance.",
        discussion: """
            INPUT is a file (seed text or an HTML page), an http(s) URL, or - for standard input.
            With --jsonl, standard input holds one {"text": ...} or {"html": ...} object per line and one facts \
            object per line is printed, in order.
            """
    )

    @Argument(help: "A file, a URL, or - for standard input.")
    var input: String

    @Flag(help: "Read one {\"text\"} or {\"html\"} JSON object per line from the input; print one facts line each.")
    var jsonl = false

    @Flag(help: "Add every recognised numeric expression as \"numbers\".")
    var numbers = false

    func run() async throws {
        let extractor = Extractor()
        if jsonl {
            let loaded = try await load()
            var failed = false
            var buffer = ""
            buffer.reserveCapacity(1 << 16)
            var lineNumber = 0
            // Lines are cut from a byte array: slicing Data byte by byte is several times slower.
            let bytes = [UInt8](loaded.data)
            var next = 0
            while next <= bytes.count {
                let end = bytes[next...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                let line = bytes[next..<end]
                next = end + 1
                lineNumber += 1
                if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
                var facts = Facts(title: nil, relevant: false)
                do {
                    var doc = try JSONLInput.document(Data(line))
                    let cut = doc.limitText(to: Document.textLimit)
                    if cut > 0 { StandardError.write("citywatch extract: line \(lineNumber): " + Self.cutMessage(cut)) }
                    facts = extractor.extract(doc, numbers: numbers)
                } catch {
                    failed = true
                    StandardError.write("citywatch extract: line \(lineNumber): \(error)\n")
                    if numbers { facts.numbers = [] }
                }
                buffer += facts.jsonLine()
                buffer += "\n"
                if buffer.utf8.count > 1 << 16 { StandardOutput.write(buffer); buffer = "" }
            }
            StandardOutput.write(buffer)
            if failed { throw ExitCode(1) }
            return
        }
        let loaded = try await load()
        do {
            var doc = try DocumentReader.read(loaded.data, url: loaded.url, httpCharset: loaded.charset, limitText: true)
            let cut = doc.limitText(to: Document.textLimit)
            if cut > 0 { StandardError.write("citywatch extract: \(input): " + Self.cutMessage(cut)) }
            StandardOutput.write(extractor.extract(doc, numbers: numbers).jsonLine() + "\n")
        } catch {
            StandardError.write("citywatch extract: \(input): \(error)\n")
            throw ExitCode(1)
        }
    }

    /// Says that a document's text went past the limit and how much of it was not read.
    static func cutMessage(_ cut: Int) -> String {
        "only the first \(Document.textLimit) characters of text are read (the limit per document); the rest is left out"
    }

    private func load() async throws -> InputLoader.Loaded {
        do { return try await InputLoader.load(input) } catch {
            StandardError.write("citywatch extract: \(input): \(error)\n")
            throw ExitCode(1)
        }
    }
}
