import Foundation

/// Whether a document matches the watch keywords. Case-aware: an all-capitals keyword ("ICE") matches only as
/// that word in capitals (never "ice" or "police"); other keywords match any case, as whole words, with a plural.
/// A story with no keyword is still relevant when it shows two kinds of weaker signs of the topic.
struct Relevance: Sendable {
    struct Keyword: Sendable {
        var words: [String]
        var exactCase: [Bool]
        /// The last word's plurals ("deportations", "raids", "searches").
        var plurals: [String] = []
    }
    let keywords: [Keyword]
    /// Bit `n` set when some keyword's first word (or, for a one-word keyword, a plural) is `n` bytes long: one
    /// pass over the tokens skips every other length at once.
    let firstLengths: UInt64

    init(_ keywords: [String]) {
        self.keywords = keywords.compactMap { k in
            let words = Tokenizer(k).tokens.map(\.text)
            guard !words.isEmpty else { return nil }
            let exact = words.map { w in w.count >= 2 && w == w.uppercased() && w != w.lowercased() }
            let folded = words.enumerated().map { exact[$0.offset] ? $0.element : $0.element.lowercased() }
            return Keyword(words: folded, exactCase: exact, plurals: [folded.last! + "s", folded.last! + "es"])
        }
        var mask: UInt64 = 0
        for k in self.keywords {
            let n = k.words[0].utf8.count
            for l in (k.words.count == 1 ? [n, n + 1, n + 2] : [n]) { mask |= l < 64 ? 1 << UInt64(l) : 1 << 63 }
        }
        firstLengths = mask
    }

    func matches(_ units: [TextUnit]) -> Bool {
        for unit in units {
            let t = unit.tz.tokens
            for i in t.indices {
                let length = t[i].end - t[i].start
                guard firstLengths & (length < 64 ? 1 << UInt64(length) : 1 << 63) != 0 else { continue }
                for keyword in keywords {
                let n = keyword.words.count
                guard i + n <= t.count, wordMatches(t[i], keyword, 0, last: n == 1) else { continue }
                var ok = true
                for k in 1..<max(n, 1) where k < n && !wordMatches(t[i + k], keyword, k, last: k == n - 1) { ok = false; break }
                if ok { return true }
                }
            }
        }
        return Self.topicSignals(units) >= 2
    }

    /// How many kinds of weaker signs of the topic a story shows: the National Guard, a task force, federal agents,
    /// immigrants, migrants or "illegal aliens", detention or custody. Two kinds make a story relevant without a keyword (a Guard deployment with a
    /// federal task force); one alone does not (a wildfire story with Guard members, a police budget).
    static func topicSignals(_ units: [TextUnit]) -> Int {
        var seen: Set<Int> = []
        for unit in units {
            let t = unit.tz.tokens
            for (i, token) in t.enumerated() where token.kind == .word {
                // Only words starting with n, t, f, i, m, d, a or c can be a sign: the first byte rules out most at once.
                guard let b = token.lower.utf8.first, [0x6E, 0x74, 0x66, 0x69, 0x6D, 0x64, 0x61, 0x63].contains(b) else { continue }
                let w = token.lower
                let next = i + 1 < t.count ? t[i + 1].lower : ""
                if token.text == "National", next == "guard" { seen.insert(0) }
                else if w == "task", next == "force" { seen.insert(1) }
                else if w == "federal", ["agents", "officers", "agencies", "agency", "personnel", "surge", "troops", "immigration"].contains(next) {
                    seen.insert(2)
                } else if w.hasPrefix("immigra") || w.hasPrefix("migrant") { seen.insert(3) }
                else if (w == "aliens" || w == "alien"), i > 0, ["illegal", "criminal"].contains(t[i - 1].lower) { seen.insert(3) }
                else if w == "detention" || w == "detainees" || (w == "custody" && i > 0 && ["into", "in"].contains(t[i - 1].lower)) {
                    seen.insert(4)
                }
            }
            if seen.count >= 2 { return seen.count }
        }
        return seen.count
    }

    @inline(__always) func wordMatches(_ token: Token, _ keyword: Keyword, _ k: Int, last: Bool) -> Bool {
        let w = keyword.words[k]
        // Lengths first: most words differ in length from the keyword and its plurals (utf8.count is O(1)).
        if keyword.exactCase[k] { return token.end - token.start == w.utf8.count && token.text == w }
        let lower = token.lower
        let length = lower.utf8.count, wl = w.utf8.count
        guard length == wl || (last && (length == wl + 1 || length == wl + 2)) else { return false }
        if lower == w { return true }
        return last && (lower == keyword.plurals[0] || lower == keyword.plurals[1])
    }
}
