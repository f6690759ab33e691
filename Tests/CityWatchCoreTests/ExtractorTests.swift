import Foundation
import Testing
@testable import CityWatchDocuments
@testable import CityWatchExtraction

@Suite struct ExtractorTests {
    @Test func jsonWritesNullsAndWholeNumbersWithoutFraction() throws {
        let f = facts("ICE report\nThe agency reported a 15 % rise in arrests.", numbers: true)
        let json = f.jsonLine()
        #expect(json.contains("\"city\":null"))
        #expect(json.contains("\"qualifier\":null"))
        #expect(json.contains("\"value\":15,"))
        #expect(json.contains("\"numbers\":[{\"value\":15,\"unit\":\"percent\",\"span\":\"15 %\",\"qualifier\":null,\"range\":null}]"))
        #expect(json.hasPrefix("{\"title\":\"ICE report\",\"relevant\":true,\"cities\":[]"))
    }

    @Test func jsonLineIsValidJSONWithEscapes() throws {
        let json = facts("Title \"quoted\"\nHe said: \u{201C}Go.\u{201D}\tDone.").jsonLine()
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["title"] as? String == "Title \"quoted\"")
    }

    @Test func numbersAreLeftOutUnlessAsked() throws {
        #expect(!facts("Ten agents.").jsonLine().contains("numbers"))
    }

    @Test func rangesHaveANullValue() throws {
        let json = facts("between 20 and 30 officers", numbers: true).jsonLine()
        #expect(json.contains("{\"value\":null,\"unit\":\"count\",\"span\":\"between 20 and 30\",\"qualifier\":null,\"range\":{\"min\":20,\"max\":30}}"))
    }

    @Test func jsonlLinesGiveDocuments() throws {
        let doc = try JSONLInput.document(Data(#"{"text": "Raids in Denver.\nMore in Chicago."}"#.utf8))
        let f = Extractor().extract(doc)
        #expect(f.cities.map(\.city) == ["Denver, CO", "Chicago, IL"])
        #expect(throws: JSONLInput.LineError.self) { try JSONLInput.document(Data("[1]".utf8)) }
    }

    @Test func cityEvidenceIsTheFirstSentenceNamingIt() {
        let f = facts("T\nNothing here. Agents came to Denver on Monday. Denver objected.")
        #expect(f.cities.first?.evidence == "Agents came to Denver on Monday." && f.cities.first?.mentions == 2)
    }

    /// Deterministic junk (a linear congruential generator over tricky pieces) must never crash the extractor.
    @Test func survivesJunk() {
        let pieces = ["a", "X", " ", "0", "7", ",", ".", "-", "–", "$", "%", "€", "“", "”", "\"", "’", "(", ")", "|", ":",
                      "/", "\n", "<", "=", "N.C.", "Mt.", "between", "more than", "and a half", "New York", "D.C.",
                      "hundred", "million", "percent", "said", "CHARLESTON", "US$", "1,2", "1.2.3", "Mayor", ", Ill."]
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<400 {
            let text = (0..<next(60)).map { _ in pieces[next(pieces.count)] }.joined()
            let f = facts(text, numbers: true)
            #expect(f.jsonLine().hasPrefix("{\"title\":"))
        }
    }
}
