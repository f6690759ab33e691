import Foundation
import Testing
@testable import CityWatchSupport
@testable import CityWatchDocuments

@Suite struct DocumentReaderTests {
    @Test func emptyInputIsAnEmptyDocument() throws {
        let doc = try DocumentReader.read(Data())
        #expect(doc == Document())
    }

    @Test func anHTMLFragmentIsReadAsHTML() throws {
        let fragment = "\n    <h1>ICE in Portland</h1>\n<table><tr><th>City</th><th>Agents</th></tr><tr><td>Portland</td><td>120</td></tr></table>"
        #expect(DocumentReader.looksLikeHTML(Data(fragment.utf8)))
        #expect(!DocumentReader.looksLikeHTML(Data("ICE in Portland\n<b> is not a tag opening a line of text".utf8)))
        let doc = try DocumentReader.read(Data(fragment.utf8))
        #expect(doc.blocks.contains { if case .table = $0 { return true }; return false })
    }

    @Test func binaryGarbageIsAClearError() {
        var rng = SplitMix64(seed: 7)
        let bytes = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) } + [0])
        #expect(throws: DocumentError.self) { try DocumentReader.read(bytes) }
    }

    @Test func invalidUTF8IsReadAsWindows1252() throws {
        let bytes = Data("Title\nCaf".utf8) + Data([0xE9, 0x20, 0x93, 0x6F, 0x6B, 0x94, 0x2E])
        let doc = try DocumentReader.read(bytes)
        #expect(doc.title == "Title")
        #expect(doc.blocks == [.paragraph("Café “ok”.")])
    }

    @Test func oversizedInputIsRefusedWithAMessage() {
        let big = Data(repeating: UInt8(ascii: "a"), count: 50 * 1024 * 1024)
        #expect {
            try DocumentReader.read(big)
        } throws: { error in
            (error as? DocumentError)?.message.contains("too large") == true
        }
    }

    @Test func largeTextJustUnderTheLimitParses() async throws {
        try await BlockingExecutor.shared.run { try Self.parseLargeText() }
    }

    static func parseLargeText() throws {
        let line = "Federal agents made 12 arrests in Chicago on Monday, officials said.\n"
        let text = "Title\n" + String(repeating: line, count: 50_000)
        let doc = try DocumentReader.read(Data(text.utf8))
        #expect(doc.blocks.count == 50_000)
    }

    @Test func utf8BOMIsDropped() throws {
        let doc = try DocumentReader.read(Data([0xEF, 0xBB, 0xBF]) + Data("Title\nBody.\n".utf8))
        #expect(doc.title == "Title")
    }

    @Test func htmlIsSniffed() {
        #expect(DocumentReader.looksLikeHTML(Data("  <!DOCTYPE html><html></html>".utf8)))
        #expect(!DocumentReader.looksLikeHTML(Data("Title\n| a | b |\n".utf8)))
    }
}
