import ArgumentParser
import CityWatchCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse seed text or HTML pages into the document schema.",
        discussion: """
            Each input is a file path (seed text or an HTML page), or an http, https or file URL. URLs are \
            fetched with the [fetch] defaults: 30 s timeout, at most 10485760 bytes, 5 redirects.
            """
    )

    @Argument(help: "Files or URLs to parse.")
    var inputs: [String]

    @Flag(help: "Print JSON (the default).")
    var json = false

    @Flag(help: "Print the seed text format.")
    var text = false

    @Option(help: "Write one file per input into this folder instead of standard output.")
    var out: String?

    func validate() throws {
        if json && text { throw ValidationError("--json and --text exclude each other") }
        if inputs.isEmpty { throw ValidationError("give at least one file or URL") }
    }

    func run() async throws {
        if let out {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        }
        var failed = false
        for input in inputs {
            do {
                let loaded = try await InputLoader.load(input)
                let doc = try DocumentReader.read(loaded.data, url: loaded.url, httpCharset: loaded.charset)
                let rendered = text ? SeedTextRenderer.render(doc) : doc.jsonLine() + "\n"
                if let out {
                    try Self.write(rendered, to: out + "/" + Self.baseName(input) + (text ? ".txt" : ".json"))
                } else {
                    StandardOutput.write(rendered)
                }
            } catch {
                failed = true
                StandardError.write("citywatch parse: \(input): \(error)\n")
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// The last path component without its extension ("pages/a.html" → "a"); string work, as building
    /// Foundation URLs for it cost more than writing the file.
    static func baseName(_ input: String) -> String {
        var path = Substring(input)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        var name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? path
        if let dot = name.lastIndex(of: "."), dot > name.startIndex { name = name[..<dot] }
        return String(name)
    }

    /// A plain POSIX write: Foundation's `Data.write` fsyncs every file (and `.atomic` adds a temporary file
    /// and a rename), which cost more than parsing the page. An existing file is overwritten and then cut to
    /// length: truncating it first makes ext4 free and reallocate its blocks, several times slower.
    private static func write(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, code: errno) }
        defer { close(fd) }
        var text = text
        try text.withUTF8 { bytes in
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw OutputError(path: path, code: errno)
                }
                done += n
            }
            if ftruncate(fd, off_t(bytes.count)) != 0 { throw OutputError(path: path, code: errno) }
        }
    }
}

/// An output file that could not be written.
struct OutputError: Error, CustomStringConvertible {
    var path: String
    var code: Int32
    var description: String { "cannot write \(path): \(String(cString: strerror(code))); check the --out folder" }
}
