import Foundation

/// Whether a document matches the watch keywords. Case-aware: an all-capitals keyword ("ICE") matches only as
/// that word in capitals (never "ice" or "police"); other keywords match any case, as whole words, with a plural.
struct Relevance: Sendable {
    struct Keyword: Sendable {
        var words: [String]
        var exactCase: [Bool]
    }
    let keywords: [Keyword]

    init(_ keywords: [String]) {
        self.keywords = keywords.compactMap { k in
            let words = Tokenizer(k).tokens.map(\.text)
            guard !words.isEmpty else { return nil }
            let exact = words.map { w in w.count >= 2 && w == w.uppercased() && w != w.lowercased() }
            return Keyword(words: words.enumerated().map { exact[$0.offset] ? $0.element : $0.element.lowercased() },
                           exactCase: exact)
        }
    }

    func matches(_ units: [TextUnit]) -> Bool {
        for unit in units {
            let t = unit.tz.tokens
            for keyword in keywords {
                let n = keyword.words.count
                guard t.count >= n else { continue }
                for i in 0...(t.count - n) where wordMatches(t[i], keyword, 0, last: n == 1) {
                    var ok = true
                    for k in 1..<max(n, 1) where k < n && !wordMatches(t[i + k], keyword, k, last: k == n - 1) { ok = false; break }
                    if ok { return true }
                }
            }
        }
        return false
    }

    @inline(__always) func wordMatches(_ token: Token, _ keyword: Keyword, _ k: Int, last: Bool) -> Bool {
        let w = keyword.words[k]
        if keyword.exactCase[k] { return token.text == w }
        let lower = token.lower
        if lower == w { return true }
        return last && (lower == w + "s" || lower == w + "es")
    }
}
