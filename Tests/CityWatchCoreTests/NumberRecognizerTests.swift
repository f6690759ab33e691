import Foundation
import Testing
@testable import CityWatchExtraction

@Suite struct NumberRecognizerTests {
    func numbers(_ text: String) -> [NumberMention] { facts(text, numbers: true).numbers ?? [] }

    @Test func digitsScalesPercentAndDollars() {
        let n = numbers("ICE assigned 4,500 agents, spent $1.2 million and 5k more, a 15 % rise and 27 percent.")
        #expect(n.map(\.value) == [4500, 1_200_000, 5000, 15, 27])
        #expect(n.map(\.unit) == [.count, .usd, .count, .percent, .percent])
        #expect(n[1].span == "$1.2 million")
    }

    @Test func spelledOutNumbers() {
        #expect(numbers("three agents").first?.value == 3)
        #expect(numbers("one and a half million dollars").first?.value == 1_500_000)
        #expect(numbers("twenty-one thousand eleven").first?.value == 21011)
    }

    @Test func qualifiersAndRanges() {
        let more = numbers("More than 130 people were held.").first
        #expect(more?.value == 130 && more?.qualifier == .moreThan && more?.span == "More than 130")
        let between = numbers("between 20 and 30 officers").first
        #expect(between?.value == nil && between?.range == .init(min: 20, max: 30))
        #expect(numbers("up to 700 workers").first?.qualifier == .upTo)
        #expect(numbers("at least 40 arrests").first?.qualifier == .atLeast)
        #expect(numbers("nearly 200 troops").first?.qualifier == .approx)
        #expect(numbers("about 200 troops").first?.qualifier == .approx)
    }

    @Test func thingsThatAreNotNumbers() {
        #expect(numbers("Under the 287(g) program and Section 1325, on Interstate 85, call 555-1234 at 3 p.m.").isEmpty)
        #expect(numbers("He lives at 1935 Orchard St. and came on May 4.").isEmpty)
        #expect(numbers("I tried to call Bob 3 times.").isEmpty)
    }

    @Test func yearsAreRecognisedButNeverFigures() {
        let f = facts("In 2024, ICE said 300 officers were sent.", numbers: true)
        #expect(f.numbers?.map(\.value) == [2024, 300])
        #expect(f.figures.map(\.value) == [300])
    }

    /// Peer cases (Recognizers-Text, Duckling, quantulum3; see Fixtures/figures/NOTICE.md).
    @Test func peerCases() throws {
        let lines = try String(contentsOf: fixtureURL("figures/peer-cases.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 25)
        for line in lines {
            let c = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let text = c["text"] as! String
            let expected = c["expected"] as! [[String: Any]]
            let got = numbers(text)
            if expected.isEmpty { #expect(got.isEmpty, "\(text)"); continue }
            for e in expected {
                let unit = e["unit"] as! String
                if let r = e["range"] as? [String: Any], let lo = r["min"] as? Double ?? (r["min"] as? Int).map(Double.init) {
                    let hi = r["max"] as? Double ?? (r["max"] as? Int).map(Double.init)
                    let ok = got.contains { g in
                        (hi != nil && g.range == .init(min: lo, max: hi!)) || (hi == nil && g.value == lo && g.qualifier != nil)
                    }
                    #expect(ok, "\(text)")
                } else if let r = e["range"] as? [String: Any], let hi = r["max"] as? Double ?? (r["max"] as? Int).map(Double.init) {
                    #expect(got.contains { $0.value == hi && ($0.qualifier == .upTo || $0.qualifier == .atMost) }, "\(text)")
                } else {
                    let v = e["value"] as? Double ?? Double(e["value"] as! Int)
                    #expect(got.contains { abs(($0.value ?? .nan) - v) < 1e-9 && ($0.currency ?? $0.unit.rawValue) == unit }, "\(text)")
                }
            }
        }
    }
}
