import Foundation
import Testing
@testable import CityWatchCore

@Suite struct JSONTextTests {
    @Test func escapesWhatJSONAndJavaScriptNeedAndReadsBack() throws {
        let samples = ["plain", "say \"hi\" \\ there", "tab\tnew\nline\rcr", "bell\u{07}nul\u{00}", "line\u{2028}para\u{2029}",
                       "curly “quotes” and é, 日本, 🚨", "\u{E2}\u{80}", "ends with \u{2028}", ""]
        for s in samples {
            let line = JSONText.string(s)
            let back = try JSONSerialization.jsonObject(with: Data("[\(line)]".utf8)) as? [String]
            #expect(back == [s], "\(line)")
            #expect(!line.contains("\u{2028}") && !line.contains("\u{2029}") && !line.contains("\n"))
        }
        #expect(JSONText.string("a\"b") == "\"a\\\"b\"")
        #expect(JSONText.string("x\u{1F}") == "\"x\\u001f\"")
        #expect(JSONText.string("\u{2028}") == "\"\\u2028\"")
        #expect(JSONText.string(nil) == "null")
    }
}
