import Foundation
import CityWatchSupport

/// A word, number or punctuation mark of a text, with its place in the text's Unicode scalars.
struct Token: Sendable {
    enum Kind: Sendable { case word, number, punct }
    var kind: Kind
    var text: String
    /// `text` in lower case, computed once (the recognisers compare lower-case words constantly).
    var lower: String
    /// `[start, end)` in the UTF-8 bytes of the tokenised text.
    var start: Int
    var end: Int
    /// Whether whitespace stands before it.
    var spaceBefore: Bool
    /// A word starting with a capital letter.
    var isCapitalized: Bool
}

/// Splits text into tokens and sentences. Abbreviations keep their dots ("N.C.", "St.", "Gov.") so a dot inside
/// them never ends a sentence and gazetteer names with dots match as written.
struct Tokenizer: Sendable {
    /// The text's UTF-8 bytes; token offsets index them.
    let bytes: [UInt8]
    private(set) var tokens: [Token] = []

    /// Words that keep a following dot (titles, state and street abbreviations, months).
    static let dottedWords: Set<String> = [
        "St", "Ste", "Mt", "Ft", "Mr", "Mrs", "Ms", "Dr", "Jr", "Sr", "Gen", "Rep", "Reps", "Sen", "Sens", "Gov", "Lt",
        "Sgt", "Capt", "Col", "Maj", "Cmdr", "Adm", "Prof", "Rev", "Hon", "Pres", "Supt", "Det", "Ofc", "Atty", "Inc",
        "Co", "Corp", "Ltd", "Bros", "No", "Nos", "vs", "etc", "Ave", "Blvd", "Rd", "Hwy", "Pkwy", "Jan", "Feb",
        "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "approx", "est", "Ala", "Ariz", "Ark", "Calif", "Cal",
        "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn",
        "Miss", "Mo", "Mont", "Neb", "Nebr", "Nev", "Okla", "Ore", "Oreg", "Pa", "Penn", "Penna", "Tenn", "Tex", "Vt",
        "Va", "Wash", "Wis", "Wisc", "Wyo", "Dak", "Mex", "U.S", "Mt", "Pt", "Ft",
    ]
    /// Dotted words that may also end a sentence ("… in Mobile, Ala. The raid …").
    static let sentenceFinalAbbreviations: Set<String> = [
        "Ala.", "Ariz.", "Ark.", "Calif.", "Cal.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.",
        "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "Okla.", "Ore.",
        "Pa.", "Tenn.", "Tex.", "Vt.", "Va.", "Wash.", "Wis.", "Wyo.", "N.C.", "S.C.", "N.Y.", "N.J.", "N.H.", "N.M.",
        "N.D.", "S.D.", "R.I.", "D.C.", "W.Va.", "Inc.", "Co.", "Corp.", "Ltd.", "etc.", "Jr.", "Sr.",
    ]

    init(_ text: String) {
        bytes = Array(text.utf8)
        tokens.reserveCapacity(bytes.count / 5)
        tokenize()
    }

    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The text from token `a` through token `b`, whitespace runs as one space.
    func span(_ a: Int, _ b: Int) -> String {
        // Usually the words are separated by single spaces: the text itself.
        var plain = true
        for i in (a + 1)..<(b + 1) where i > a {
            let gap = tokens[i].start - tokens[i - 1].end
            if gap > 1 || (gap == 1 && bytes[tokens[i - 1].end] != 0x20) { plain = false; break }
        }
        if plain { return string(tokens[a].start, tokens[b].end) }
        var out: [UInt8] = []
        for i in a...b {
            if i > a, tokens[i].spaceBefore { out.append(0x20) }
            out.append(contentsOf: bytes[tokens[i].start..<tokens[i].end])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether token `i` has no lower-case letter (`text == text.uppercased()`), without building the copy.
    func isAllCaps(_ i: Int) -> Bool {
        let t = tokens[i]
        for k in t.start..<t.end {
            let b = bytes[k]
            if b >= 0x80 { return t.text == t.text.uppercased() }
            if b >= 0x61 && b <= 0x7A { return false }
        }
        return true
    }

    /// The number of characters of token `i` (its bytes when it is ASCII).
    func length(_ i: Int) -> Int {
        let t = tokens[i]
        for k in t.start..<t.end where bytes[k] >= 0x80 { return t.text.count }
        return t.end - t.start
    }

    /// The scalar at byte `i` and its length in bytes (invalid bytes read as U+FFFD, one byte).
    @inline(__always) func scalar(at i: Int) -> (Unicode.Scalar, Int) { UTF8Scalar.decode(in: bytes, at: i) }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\n" || s == "\t" || s == "\r" || s == "\u{A0}" || s == "\u{2009}" || s == "\u{202F}"
    }
    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }

    private mutating func tokenize() {
        let bytes = self.bytes
        var tokens = self.tokens
        bytes.withUnsafeBufferPointer { b in Self.tokenize(b, into: &tokens) }
        self.tokens = tokens
    }

    /// The tokens of UTF-8 `b` (on a buffer pointer: array bounds checks showed in profiles).
    private static func tokenize(_ b: UnsafeBufferPointer<UInt8>, into tokens: inout [Token]) {
        let n = b.count
        var i = 0
        var space = true
        @inline(__always) func scalar(at k: Int) -> (Unicode.Scalar, Int) { UTF8Scalar.decode(in: b, at: k) }
        @inline(__always) func letterAt(_ k: Int) -> Bool {
            k < n && (b[k] < 0x80 ? isASCIILetter(b[k]) : UTF8Scalar.isLetter(scalar(at: k).0))
        }
        @inline(__always) func digitAt(_ k: Int) -> Bool { k < n && b[k] >= 0x30 && b[k] <= 0x39 }
        @inline(__always) func apostropheAt(_ k: Int) -> Int {   // length of an apostrophe at k, or 0
            if k < n, b[k] == 0x27 { return 1 }
            if k + 2 < n, b[k] == 0xE2, b[k + 1] == 0x80, b[k + 2] == 0x99 { return 3 }
            return 0
        }
        @inline(__always) func advanceLetter(_ k: Int) -> Int { b[k] < 0x80 ? 1 : scalar(at: k).1 }
        @inline(__always) func string(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        }
        while i < n {
            let c0 = b[i]
            // ASCII blanks and letters without decoding a scalar.
            if c0 == 0x20 || c0 == 0x0A || c0 == 0x09 || c0 == 0x0D { space = true; i += 1; continue }
            let (c, clen) = c0 < 0x80 ? (Unicode.Scalar(c0), 1) : scalar(at: i)
            if isSpace(c) { space = true; i += clen; continue }
            let start = i
            var kind = Token.Kind.punct
            var capital = false
            if UTF8Scalar.isLetter(c) {
                kind = .word
                capital = c.value < 0x80 ? (c.value >= 0x41 && c.value <= 0x5A) : c.properties.isUppercase
                i += clen
                while i < n {
                    if letterAt(i) { i += advanceLetter(i); continue }
                    // Inner apostrophes stay ("O'Brien", "don't"), the possessive "'s" does not.
                    let a = apostropheAt(i)
                    if a > 0, letterAt(i + a) {
                        if b[i + a] == 0x73, !letterAt(i + a + 1) { break }
                        i += a + advanceLetter(i + a); continue
                    }
                    break
                }
                // Acronyms with dots ("N.C.", "U.S.", "W.Va.") and known abbreviations keep their dots.
                if i < n, b[i] == 0x2E {
                    var j = i
                    while j < n, b[j] == 0x2E, letterAt(j + 1) {
                        var k = j + 1
                        while letterAt(k) { k += advanceLetter(k) }
                        if k - (j + 1) > 2 && !(k < n && b[k] == 0x2E) { break }
                        j = k
                    }
                    if j > i, j < n, b[j] == 0x2E { i = j + 1 }
                    else if i - start == 1 && capital { i += 1 }
                    else if isDottedWord(string(start, i)) { i += 1 }
                }
            } else if c.value >= 0x30 && c.value <= 0x39 {
                kind = .number
                i += 1
                while i < n {
                    if digitAt(i) { i += 1; continue }
                    if b[i] == 0x2C || b[i] == 0x2E, digitAt(i + 1) { i += 2; continue }
                    break
                }
            } else {
                i += clen
                if apostropheAt(start) > 0, i < n, b[i] == 0x73, !letterAt(i + 1) { i += 1 }
            }
            let text = string(start, i)
            var hasUpper = false, ascii = true
            for k in start..<i {
                if b[k] >= 0x80 { ascii = false } else if b[k] >= 0x41 && b[k] <= 0x5A { hasUpper = true }
            }
            var lower = text
            if hasUpper && ascii {
                lower = String(unsafeUninitializedCapacity: i - start) { out in
                    for k in start..<i { out[k - start] = b[k] >= 0x41 && b[k] <= 0x5A ? b[k] | 0x20 : b[k] }
                    return i - start
                }
            } else if !ascii && kind == .word {
                lower = text.lowercased()
            }
            tokens.append(Token(kind: kind, text: text, lower: lower, start: start, end: i, spaceBefore: space,
                                isCapitalized: capital))
            space = false
        }
    }

    /// A word that keeps its dot, also in capitals ("St." and "ST." in a dateline "ST. PAUL --").
    static func isDottedWord(_ word: String) -> Bool {
        if dottedWords.contains(word) { return true }
        guard word.utf8.count >= 2, word.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return false }
        return dottedWords.contains(word.prefix(1) + word.dropFirst().lowercased())
    }

    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// ".", "!", "?" or "…", on the bytes.
    @inline(__always) func isSentenceEnd(_ t: Token) -> Bool {
        let n = t.end - t.start, b = bytes[t.start]
        if n == 1 { return b == 0x2E || b == 0x21 || b == 0x3F }
        return n == 3 && b == 0xE2 && bytes[t.start + 1] == 0x80 && bytes[t.start + 2] == 0xA6
    }

    /// A closing quote or bracket (`isCloser` on the bytes).
    @inline(__always) func isCloser(_ t: Token) -> Bool {
        let n = t.end - t.start, b = bytes[t.start]
        if n == 1 { return b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D }
        return n == 3 && b == 0xE2 && bytes[t.start + 1] == 0x80 && (bytes[t.start + 2] == 0x9D || bytes[t.start + 2] == 0x99)
    }

    /// Whether a word is lower-case ASCII letters only, two or more ("aliens", not "U.S" nor "St").
    @inline(__always) func isLowerWord(_ t: Token) -> Bool {
        t.end - t.start >= 2 && bytes[t.start..<t.end].allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
    }

    /// Token index ranges of the sentences.
    func sentences() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var begin = 0
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            var ends = false
            if t.kind == .punct, isSentenceEnd(t) {
                // Closing quotes and brackets belong to the sentence they close.
                var j = i + 1
                while j < tokens.count, !tokens[j].spaceBefore, tokens[j].kind == .punct, isCloser(tokens[j]) { j += 1 }
                if j >= tokens.count || tokens[j].spaceBefore { ends = true; i = j - 1 }
                // "… 78 illegal aliens.According to the agency": paragraphs a page ran together, a sentence per side
                // (a lower-case word before the stop, a capitalised word of two letters or more right after it).
                else if t.end - t.start == 1, bytes[t.start] == 0x2E, i >= 1, tokens[i - 1].kind == .word,
                        tokens[i - 1].end == t.start, isLowerWord(tokens[i - 1]),
                        !(i >= 2 && ["/", ".", "?", "=", "&"].contains(tokens[i - 2].text) && !tokens[i - 1].spaceBefore),
                        tokens[j].kind == .word, tokens[j].isCapitalized, tokens[j].end - tokens[j].start >= 2 {
                    ends = true; i = j - 1
                }
            } else if t.kind == .word, bytes[t.end - 1] == 0x2E, Self.sentenceFinalAbbreviations.contains(t.text), i + 1 < tokens.count,
                      tokens[i + 1].spaceBefore, tokens[i + 1].isCapitalized, !Self.dottedWords.contains(tokens[i + 1].text) {
                ends = true
            }
            if ends {
                result.append(begin..<(i + 1))
                begin = i + 1
            }
            i += 1
        }
        if begin < tokens.count { result.append(begin..<tokens.count) }
        return result
    }
}
