import Foundation
import Testing
@testable import CityWatchSupport

/// One JSON string as the writer writes it.
private func json(_ s: String?) -> String { JSONWriter.text { $0.string(s) } }

@Suite struct JSONWriterTests {
    @Test func escapesWhatJSONAndJavaScriptNeedAndReadsBack() throws {
        let samples = ["plain", "say \"hi\" \\ there", "tab\tnew\nline\rcr", "bell\u{07}nul\u{00}", "line\u{2028}para\u{2029}",
                       "curly “quotes” and é, 日本, 🚨", "\u{E2}\u{80}", "ends with \u{2028}", ""]
        for s in samples {
            let line = json(s)
            let back = try JSONSerialization.jsonObject(with: Data("[\(line)]".utf8)) as? [String]
            #expect(back == [s], "\(line)")
            #expect(!line.contains("\u{2028}") && !line.contains("\u{2029}") && !line.contains("\n"))
        }
        #expect(json("a\"b") == "\"a\\\"b\"")
        #expect(json("x\u{1F}") == "\"x\\u001f\"")
        #expect(json("\u{2028}") == "\"\\u2028\"")
        #expect(json(nil) == "null")
    }

    @Test func emptyStringsAndStructure() {
        #expect(json("") == "\"\"")
        #expect(JSONWriter.text { $0.nonEmptyString("") } == "null")
        #expect(JSONWriter.text { $0.nonEmptyString("x") } == "\"x\"")
        let text = JSONWriter.text { w in
            w.open(); w.key("a"); w.int(1); w.key("b"); w.array([1.5, 2]) { w, v in w.number(v) }
            w.key("c"); w.open(); w.close(); w.key("d"); w.bool(false); w.close()
        }
        #expect(text == #"{"a":1,"b":[1.5,2],"c":{},"d":false}"#)
    }
}
