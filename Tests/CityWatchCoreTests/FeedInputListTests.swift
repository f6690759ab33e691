import Foundation
import Testing
@testable import CityWatchFetching

/// `citywatch feed --inputs-from FILE`: the list is a file of any bytes. Every line is one input, named in
/// one JSON line of its own; a line that is not a readable input is an error on its line, never a crash, and
/// never another file than the one named.
@Suite struct FeedInputListTests {
    struct Run {
        var status: Int32
        var lines: [[String: Any]]
    }

    /// - Parameter arguments: the command line; LIST stands for the list file (the default is the form the
    ///   CLI reads without ArgumentParser, see FeedCommand.fastRun).
    func feed(list: Data, in folder: String, arguments: [String] = ["feed", "--json", "--inputs-from", "LIST"]) throws -> Run {
        try output(list: list, in: folder, arguments: arguments).run
    }

    func output(list: Data, in folder: String, arguments: [String], json: Bool = true) throws -> (run: Run, bytes: Data) {
        let listPath = folder + "/list"
        try list.write(to: URL(fileURLWithPath: listPath))
        let process = Process()
        process.executableURL = try DaemonProcessTests.binary()
        process.arguments = arguments.map { $0 == "LIST" ? listPath : $0.replacingOccurrences(of: "=LIST", with: "=" + listPath) }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard json else { return (Run(status: process.terminationStatus, lines: []), data) }
        let lines = try data.split(separator: 0x0A).map {
            try #require(try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any])
        }
        return (Run(status: process.terminationStatus, lines: lines), data)
    }

    /// The fast path (`feed --json --inputs-from LIST`, no ArgumentParser) and ArgumentParser's reading of the
    /// same command give the same bytes and the same exit status.
    @Test func theFastCommandLineIsTheSameCommand() throws {
        let folder = temporaryFolder()
        let good = folder + "/good.xml"
        try Data("<rss version=\"2.0\"><channel><title>t</title><item><title>i</title></item></channel></rss>".utf8)
            .write(to: URL(fileURLWithPath: good))
        for list in [Data("\(good)\n".utf8), Data("\(good)\n/nonexistent/x.xml\n\(good)\n".utf8)] {
            let fast = try output(list: list, in: folder, arguments: ["feed", "--json", "--inputs-from", "LIST"])
            let swapped = try output(list: list, in: folder, arguments: ["feed", "--inputs-from", "LIST", "--json"])
            let parsed = try output(list: list, in: folder, arguments: ["feed", "--inputs-from=LIST", "--json"])
            #expect(fast.bytes == parsed.bytes && swapped.bytes == parsed.bytes)
            #expect(fast.run.status == parsed.run.status && swapped.run.status == parsed.run.status)
            #expect(!fast.bytes.isEmpty)
        }
        // Inputs on the command line: the fast path takes them; after "--" ArgumentParser does.
        for arguments in [["feed", good], ["feed", "--json", good, "/nonexistent/x.xml", good],
                          ["feed", good, "--inputs-from", "LIST", "/nonexistent/x.xml"]] {
            let list = Data("\(good)\n".utf8)
            let fast = try output(list: list, in: folder, arguments: arguments, json: false)
            var separated = arguments.filter { !$0.hasPrefix("-") && $0 != "LIST" && $0 != "feed" }
            separated = ["feed"] + arguments.filter { $0.hasPrefix("-") || $0 == "LIST" } + ["--"] + separated
            let parsed = try output(list: list, in: folder, arguments: separated, json: false)
            #expect(fast.bytes == parsed.bytes && fast.run.status == parsed.run.status)
            #expect(!fast.bytes.isEmpty)
        }
    }

    @Test func hostileLinesAreErrorsOnTheirOwnLines() throws {
        let folder = temporaryFolder()
        let good = folder + "/good.xml"
        try Data("<rss version=\"2.0\"><channel><title>t</title><item><title>i</title></item></channel></rss>".utf8)
            .write(to: URL(fileURLWithPath: good))
        try FileManager.default.createDirectory(atPath: folder + "/adir", withIntermediateDirectories: true)
        var list = Data()
        list.append(Data("\(good)\r\n\r\n\n".utf8))
        list.append(Data("\(good)".utf8)); list.append(0); list.append(Data("tail\n".utf8))   // NUL: not good.xml
        list.append(contentsOf: [0xFF, 0xFE, 0x2F, 0x78, 0x0A])                              // not UTF-8
        list.append(Data(String(repeating: "a", count: 70_000).utf8)); list.append(0x0A)      // over PATH_MAX
        list.append(Data("adir\nftp://example.invalid/feed\nhttp://exa\u{0}mple.invalid/\nfile:///nonexistent/x.xml".utf8))
        let run = try feed(list: list, in: folder)
        #expect(run.status == 1)
        #expect(run.lines.count == 8)
        #expect(run.lines.first?["parse_ok"] as? Bool == true)
        for line in run.lines.dropFirst() {
            #expect(line["parse_ok"] as? Bool == false)
            #expect((line["error"] as? String)?.isEmpty == false)
        }
        #expect((run.lines[1]["error"] as? String)?.contains("NUL") == true)
        #expect((run.lines[6]["error"] as? String)?.contains("NUL") == true)
        #expect((run.lines[4]["error"] as? String)?.contains("directory") == true)
    }

    @Test func schemeSeparatorOnBytes() {
        for (input, expected) in [("http://a", true), ("file:///x", true), ("a://", true), ("://", true), (":/", false),
                                  ("feeds/a.xml", false), ("c:/x", false), ("", false), ("é://x", true), (":/\u{0}/", false)] {
            #expect(InputLoader.hasSchemeSeparator(input) == expected, "\(input)")
            #expect(input.contains("://") == expected)
        }
    }

    @Test func anEmptyOrBlankListReadsNothingAndSucceeds() throws {
        let folder = temporaryFolder()
        for list in [Data(), Data("\n\r\n\n".utf8)] {
            let run = try feed(list: list, in: folder)
            #expect(run.status == 0)
            #expect(run.lines.isEmpty)
        }
    }

    @Test func aMissingListIsAUsageError() throws {
        let process = Process()
        process.executableURL = try DaemonProcessTests.binary()
        process.arguments = ["feed", "--inputs-from", "/nonexistent/list"]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(text.contains("cannot read the input list /nonexistent/list"))
    }
}
