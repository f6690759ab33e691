import Foundation
import Testing
@testable import CityWatchSupport

@Suite struct FlatJSONObjectTests {
    func flat(_ s: String) -> [String: String]? { FlatJSONObject.strings(Array(s.utf8)) }

    @Test func readsStringMembersAndSkipsScalars() {
        #expect(flat(#"{"text": "Agents \"arrived\"\nin Chicago", "n": -1.5e3, "ok": true, "x": null}"#)
                == ["text": "Agents \"arrived\"\nin Chicago"])
        #expect(flat(#" { } "#) == [:])
        #expect(flat(#"{"t":"\u00e9\ud83d\udea8\/\t\\"}"#) == ["t": "é🚨/\t\\"])
        #expect(flat(#"{"t":"plain é 日本"}"#) == ["t": "plain é 日本"])
    }

    @Test func leavesEverythingElseToTheFullParser() {
        for line in [#"{"a": [1]}"#, #"{"a": {"b": "c"}}"#, #"{"a": "1", "a": "2"}"#, #"{"a": "x"} trailing"#,
                     #"{"a": "\ud800"}"#, #"{"a": "\q"}"#, "{\"a\": \"tab\there\"}", #"["a"]"#, #"{"a": 01}"#,
                     #"{"a": tru}"#, #"{"a" "b"}"#, #"{"a": "b",}"#, #"{"a": "b""#, "",
                     #"{"a": "b", "n": -1.5e310}"#, #"{"n": 2e308}"#, "{\"n\": 1\(String(repeating: "0", count: 400))}"] {
            #expect(flat(line) == nil, "\(line)")
        }
        #expect(FlatJSONObject.strings([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]) == nil)   // not UTF-8
        // Numbers within Double's range (underflow included) stay on the fast path, as Foundation reads them.
        #expect(flat(#"{"a": "b", "n": 1.7976931348623157e308, "m": 1e-400, "k": 12345678901234567890123}"#) == ["a": "b"])
    }

    /// Random objects written by Foundation read back the same by both parsers.
    @Test func agreesWithFoundationOnGeneratedObjects() throws {
        var rng = SplitMix64(seed: 7)
        let alphabet = Array("ab \"\\/\n\r\t\u{08}\u{0C}\u{01}\u{1F}é日🚨\u{2028}'<>&|-")
        for _ in 0..<500 {
            var object: [String: Any] = [:]
            for k in 0..<Int.random(in: 0...4, using: &rng) {
                let value = String((0..<Int.random(in: 0...30, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
                switch Int.random(in: 0...3, using: &rng) {
                case 0: object["k\(k)"] = Double(Int.random(in: -1000...1000, using: &rng)) / 8
                case 1: object["k\(k)"] = NSNull()
                default: object["k\(k)\(value.prefix(2))"] = value
                }
            }
            let data = try JSONSerialization.data(withJSONObject: object)
            let expected = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any]).compactMapValues { $0 as? String }
            #expect(FlatJSONObject.strings(data) == expected)
        }
    }
}
