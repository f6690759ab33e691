import Foundation
import Testing
@testable import CityWatchDocuments

@Suite struct SeedTextParserTests {
    @Test func fiveSeedsAreThere() {
        #expect(FixtureFiles.seedFiles.count == 5)
    }

    @Test(arguments: FixtureFiles.seedFiles)
    func seedMatchesExpectedStructure(_ file: URL) throws {
        let expected = try #require(try FixtureFiles.expectedSeeds()[file.lastPathComponent])
        let doc = SeedTextParser.parse(try String(contentsOf: file, encoding: .utf8))

        #expect(doc.title == expected["title"] as? String)
        #expect(doc.headings == expected["headings"] as? [String])
        #expect(doc.bulletItems.count == expected["bullet_items"] as? Int)
        let tables = expected["tables"] as? [[String: Any]] ?? []
        #expect(doc.tables.map(\.header) == tables.map { $0["header"] as? [String] ?? [] })
        #expect(doc.tables.map(\.rows.count) == tables.map { $0["rows"] as? Int ?? -1 })
        #expect(doc.boilerplate == expected["boilerplate_removed"] as? [String])
        #expect(doc.byline == expected["byline"] as? String)
    }

    @Test func leadInWithColonStaysAParagraph() {
        let doc = SeedTextParser.parse("Title\nKey elements of this approach include:\n- one\n- two\nConclusion\n")
        #expect(doc.blocks == [.paragraph("Key elements of this approach include:"), .bullets(["one", "two"]), .heading("Conclusion")])
    }

    @Test func blankFirstLineMeansNoTitle() {
        let doc = SeedTextParser.parse("\nA first paragraph that is long enough and ends with a period.\n")
        #expect(doc.title == nil)
        #expect(doc.blocks == [.paragraph("A first paragraph that is long enough and ends with a period.")])
    }

    @Test func tablesWithAndWithoutLeadingPipe() {
        let withPipe = SeedTextParser.parse("T\n| City | Status |\n|---|---|\n| Chicago | Sanctuary |\n")
        let without = SeedTextParser.parse("T\nCity | Status |\n---|---|\nChicago | Sanctuary |\n")
        let table = Table(header: ["City", "Status"], rows: [["Chicago", "Sanctuary"]])
        #expect(withPipe.blocks == [.table(table)])
        #expect(without.blocks == [.table(table)])
    }

    @Test func raggedRowsArePaddedNotDropped() {
        let doc = SeedTextParser.parse("T\n| A | B | C |\n|---|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 |\n")
        #expect(doc.tables.first?.rows == [["1", "", ""], ["1", "2", "3", "4"]])
    }

    @Test func pipeLineWithoutSeparatorIsNotATable() {
        let doc = SeedTextParser.parse("T\nThis | that is just text.\n")
        #expect(doc.blocks == [.paragraph("This | that is just text.")])
    }

    @Test func normalisesMissingSpacesAndNonBreakingHyphens() {
        let doc = SeedTextParser.parse("T\nLos Angeles,renowned for law\u{2011}enforcement, has 4,500 cases.\n")
        #expect(doc.blocks == [.paragraph("Los Angeles, renowned for law-enforcement, has 4,500 cases.")])
    }

    @Test func curlyQuotesAreKept() {
        let line = "“We’re enforcing the law,” said Chad Wolf."
        #expect(SeedTextParser.parse("T\n" + line).blocks == [.paragraph(line)])
    }

    @Test func bylineAndBoilerplateAreRecognised() {
        let text = "Home » News\nA Title Here\nby Jane Doe\nPhoto by someone on Unsplash\nBody text is here.\nYou may also like\nCopyright © 2024 Example | All rights reserved.\n"
        let doc = SeedTextParser.parse(text)
        #expect(doc.title == "A Title Here")
        #expect(doc.byline == "Jane Doe")
        #expect(doc.blocks == [.paragraph("Body text is here.")])
        #expect(doc.boilerplate == ["Home » News", "Photo by someone on Unsplash", "You may also like",
                                    "Copyright © 2024 Example | All rights reserved."])
    }

    @Test func crlfLineEndings() {
        let doc = SeedTextParser.parse("Title\r\nFirst paragraph.\r\n- a\r\n")
        #expect(doc.title == "Title")
        #expect(doc.blocks == [.paragraph("First paragraph."), .bullets(["a"])])
    }
}
