import Foundation
import Testing
@testable import CityWatchExtraction

/// Tokens and sentences. Sentences written for these tests (not taken from any article).
@Suite struct TokenizerTests {
    @Test func paragraphsRunTogetherSplitIntoTheirSentences() {
        func texts(_ s: String) -> [String] {
            let t = Tokenizer(s)
            return t.sentences().map { r in t.span(r.lowerBound, r.upperBound - 1) }
        }
        #expect(texts("Agents arrested 40 workers.According to the agency, 12 had records.").count == 2)
        #expect(texts("It was a sweep.\"The raids go on,\" she said.").count == 2)
        // Acronyms, abbreviations and addresses keep their dots.
        #expect(texts("Agents of the U.S.Border Patrol came.").count == 1)
        #expect(texts("See www.example.com/news.Today for more.").count == 1)
        #expect(texts("It was 3.5 times more.").count == 1)
    }
}
