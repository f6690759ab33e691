import Foundation
import Testing
@testable import CityWatchSupport
@testable import CityWatchDocuments

@Suite struct SeedTextRendererTests {
    /// The text form leaves boilerplate out by definition; everything else must survive.
    private func withoutBoilerplate(_ doc: Document) -> Document {
        var copy = doc
        copy.boilerplate = []
        return copy
    }

    @Test(arguments: FixtureFiles.seedFiles)
    func seedRoundTrips(_ file: URL) throws {
        let doc = SeedTextParser.parse(try String(contentsOf: file, encoding: .utf8))
        let again = SeedTextParser.parse(SeedTextRenderer.render(doc))
        #expect(again == withoutBoilerplate(doc))
    }

    @Test func renderFormat() {
        let doc = Document(title: "T", blocks: [
            .heading("A Heading"), .paragraph("Text."), .bullets(["x", "y"]),
            .table(Table(header: ["City", "N"], rows: [["Chicago", "3"]])),
        ])
        #expect(SeedTextRenderer.render(doc) == "T\nA Heading\nText.\n- x\n- y\n| City | N |\n|---|---|\n| Chicago | 3 |\n")
    }

    @Test func generatedDocumentsRoundTrip() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<300 {
            let doc = GeneratedDocument.make(&rng)
            let again = SeedTextParser.parse(SeedTextRenderer.render(doc))
            #expect(again == doc, "\(SeedTextRenderer.render(doc))")
        }
    }
}

/// Random documents in the shapes the seed format can express.
enum GeneratedDocument {
    static let words = ["city", "agents", "Chicago", "arrests", "rose", "4,500", "percent", "the", "Mayor",
                        "“quoted”", "federal", "officers", "said", "Houston", "27%", "and", "of", "operations"]
    static let titleWords = ["Federal", "Agents", "Arrive", "Chicago", "Operations", "Expand", "Response", "City"]

    static func sentence(_ rng: inout SplitMix64) -> String {
        let n = Int.random(in: 3...20, using: &rng)
        let body = (0..<n).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
        return body.prefix(1).uppercased() + body.dropFirst() + [".", "!", "?", ":"].randomElement(using: &rng)!
    }

    static func heading(_ rng: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...7, using: &rng)).map { _ in titleWords.randomElement(using: &rng)! }.joined(separator: " ")
    }

    static func make(_ rng: inout SplitMix64) -> Document {
        var blocks: [Block] = []
        for _ in 0..<Int.random(in: 0...12, using: &rng) {
            switch Int.random(in: 0...3, using: &rng) {
            case 0: blocks.append(.heading(heading(&rng)))
            case 1: blocks.append(.paragraph(sentence(&rng)))
            case 2: blocks.append(.bullets((0..<Int.random(in: 1...5, using: &rng)).map { _ in sentence(&rng) }))
            default:
                let cols = Int.random(in: 2...4, using: &rng)
                let header = (0..<cols).map { _ in heading(&rng) }
                let rows = (0..<Int.random(in: 0...4, using: &rng)).map { _ in
                    (0..<cols).map { _ in words.randomElement(using: &rng)! }
                }
                blocks.append(.table(Table(header: header, rows: rows)))
            }
        }
        let title: String? = Bool.random(using: &rng) ? heading(&rng) : nil
        let byline: String? = title != nil && Bool.random(using: &rng) ? "Jane Q. Reporter" : nil
        return Document(title: title, byline: byline, blocks: blocks)
    }
}
