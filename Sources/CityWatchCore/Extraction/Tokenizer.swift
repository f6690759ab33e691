import Foundation

/// A word, number or punctuation mark of a text, with its place in the text's Unicode scalars.
struct Token: Sendable {
    enum Kind: Sendable { case word, number, punct }
    var kind: Kind
    var text: String
    /// `text` in lower case, computed once (the recognisers compare lower-case words constantly).
    var lower: String
    /// `[start, end)` in the scalars of the tokenised text.
    var start: Int
    var end: Int
    /// Whether whitespace stands before it.
    var spaceBefore: Bool

    var isCapitalized: Bool {
        guard kind == .word, let first = text.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }
    var isLowercase: Bool {
        guard kind == .word, let first = text.unicodeScalars.first else { return false }
        return first.properties.isLowercase
    }
}

/// Splits text into tokens and sentences. Abbreviations keep their dots ("N.C.", "St.", "Gov.") so a dot inside
/// them never ends a sentence and gazetteer names with dots match as written.
struct Tokenizer: Sendable {
    let scalars: [Unicode.Scalar]
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
        scalars = Array(text.unicodeScalars)
        tokens.reserveCapacity(scalars.count / 4)
        tokenize()
    }

    func string(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// The text from token `a` through token `b`, whitespace runs as one space.
    func span(_ a: Int, _ b: Int) -> String {
        var view = String.UnicodeScalarView()
        for i in a...b {
            if i > a, tokens[i].spaceBefore { view.append(" ") }
            view.append(contentsOf: scalars[tokens[i].start..<tokens[i].end])
        }
        return String(view)
    }

    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A }
        return s.properties.isAlphabetic
    }
    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\n" || s == "\t" || s == "\r" || s == "\u{A0}" || s == "\u{2009}" || s == "\u{202F}"
    }
    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }

    private mutating func tokenize() {
        let n = scalars.count
        var i = 0
        var space = true
        while i < n {
            let c = scalars[i]
            if Self.isSpace(c) { space = true; i += 1; continue }
            let start = i
            var kind = Token.Kind.punct
            if Self.isLetter(c) {
                kind = .word
                i += 1
                while i < n {
                    if Self.isLetter(scalars[i]) { i += 1; continue }
                    // Inner apostrophes stay ("O'Brien", "don't"), the possessive "'s" does not.
                    if Self.isApostrophe(scalars[i]), i + 1 < n, Self.isLetter(scalars[i + 1]) {
                        let possessive = (scalars[i + 1] == "s") && (i + 2 >= n || !Self.isLetter(scalars[i + 2]))
                        if possessive { break }
                        i += 2; continue
                    }
                    break
                }
                // Acronyms with dots ("N.C.", "U.S.", "W.Va.") and known abbreviations keep their dots.
                if i < n, scalars[i] == "." {
                    var j = i
                    while j < n, scalars[j] == ".", j + 1 < n, Self.isLetter(scalars[j + 1]) {
                        var k = j + 1
                        while k < n, Self.isLetter(scalars[k]) { k += 1 }
                        if k - (j + 1) > 2 && !(k < n && scalars[k] == ".") { break }
                        j = k
                    }
                    if j > i, j < n, scalars[j] == "." { i = j + 1 }
                    else if i - start == 1 && Character(c).isUppercase { i += 1 }
                    else if Self.dottedWords.contains(string(start, i)) { i += 1 }
                }
            } else if Self.isDigit(c) {
                kind = .number
                i += 1
                while i < n {
                    if Self.isDigit(scalars[i]) { i += 1; continue }
                    if scalars[i] == "," || scalars[i] == ".", i + 1 < n, Self.isDigit(scalars[i + 1]) { i += 2; continue }
                    break
                }
            } else {
                i += 1
                if Self.isApostrophe(c), i < n, scalars[i] == "s", i + 1 >= n || !Self.isLetter(scalars[i + 1]) { i += 1 }
            }
            let text = string(start, i)
            var hasUpper = false
            for k in start..<i where scalars[k].properties.isUppercase { hasUpper = true; break }
            tokens.append(Token(kind: kind, text: text, lower: hasUpper ? text.lowercased() : text, start: start, end: i,
                                spaceBefore: space))
            space = false
        }
    }

    /// Token index ranges of the sentences.
    func sentences() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var begin = 0
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            var ends = false
            if t.kind == .punct, t.text == "." || t.text == "!" || t.text == "?" || t.text == "…" {
                // Closing quotes and brackets belong to the sentence they close.
                var j = i + 1
                while j < tokens.count, !tokens[j].spaceBefore, tokens[j].kind == .punct,
                      ["\"", "\u{201D}", "'", "\u{2019}", ")", "]"].contains(tokens[j].text) { j += 1 }
                if j >= tokens.count || tokens[j].spaceBefore { ends = true; i = j - 1 }
            } else if t.kind == .word, Self.sentenceFinalAbbreviations.contains(t.text), i + 1 < tokens.count,
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
