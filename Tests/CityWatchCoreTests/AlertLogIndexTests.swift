import Foundation
import Testing
@testable import CityWatchAlerts

@Suite struct AlertLogIndexTests {
    func line(_ id: String, city: String = "Chicago, IL", kind: String = "new_city") -> String {
        "{\"id\":\"\(id)\",\"time\":\"2026-11-20T11:00:00Z\",\"kind\":\"\(kind)\",\"city\":\"\(city)\",\"watched\":true,"
            + "\"measure\":null,\"value\":null,\"unit\":null,\"previous\":null,\"article\":{\"url\":null,\"title\":\"t\","
            + "\"feed\":\"wire\",\"published\":null},\"evidence\":\"e\"}\n"
    }

    func append(_ text: String, to path: String) throws {
        let handle = FileHandle(forWritingAtPath: path)!
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    @Test func indexesOnlyWholeAppendedLinesAndReadsThemBack() throws {
        let path = temporaryFolder() + "/alerts.jsonl"
        let index = AlertLogIndex(path: path)
        #expect(try index.entries().isEmpty)   // no log yet
        FileManager.default.createFile(atPath: path, contents: Data((line("a") + line("b", city: "Denver, CO")).utf8))
        #expect(try index.entries().map(\.city) == ["Chicago, IL", "Denver, CO"])
        // A line being written (no newline yet) waits; a line that is not an alert is skipped.
        let partial = line("c", kind: "new_figure")
        try append("not json\n" + String(partial.dropLast(10)), to: path)
        #expect(try index.entries().count == 2)
        try append(String(partial.suffix(10)), to: path)
        let entries = try index.entries()
        #expect(entries.map(\.kind) == ["new_city", "new_city", "new_figure"])
        #expect(entries.allSatisfy { $0.watched })
        let lines = try index.lines([entries[2], entries[0]])
        #expect(lines.map { $0.string("id") } == ["c", "a"])
        #expect(lines[0].text + "\n" == partial)
    }

    @Test func aReplacedOrTruncatedLogIsIndexedAfresh() throws {
        let path = temporaryFolder() + "/alerts.jsonl"
        FileManager.default.createFile(atPath: path, contents: Data((line("a") + line("b")).utf8))
        let index = AlertLogIndex(path: path)
        #expect(try index.entries().count == 2)
        try Data(line("z").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)   // a new file (rename)
        #expect(try index.entries().map { try index.lines([$0])[0].string("id") } == ["z"])
        let handle = FileHandle(forWritingAtPath: path)!
        try handle.truncate(atOffset: 0)
        try handle.close()
        #expect(try index.entries().isEmpty)
    }
}
