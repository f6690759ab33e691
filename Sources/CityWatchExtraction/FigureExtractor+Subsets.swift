import Foundation

/// Figures stated as part of another or without their noun: "2,943 arrests, including 313 gang members",
/// "Of the 422 arrests, 262 have convictions", "44 of 372 detainees", "ICE arrests more than 1,400 in Massachusetts".
extension FigureExtractor {
    /// Nouns of enforcement that a bare number may count ("arrests of 656", "Of the 422 arrests, 262 …").
    static let countNouns: Set<String> = ["arrests", "detentions", "deportations", "removals", "apprehensions",
                                          "detainees", "arrestees", "deportees", "raids", "agents", "officers", "troops"]
    /// Verbs after which a bare number counts people acted on ("arrests 10 in", "arrested 25 across").
    static let bareVerbs: [String: String] = ["arrests": "people arrested", "arrested": "people arrested",
                                              "detains": "people detained", "detained": "people detained",
                                              "deports": "people deported", "deported": "people deported",
                                              "nabs": "people arrested", "nabbed": "people arrested",
                                              "apprehended": "people apprehended", "removed": "people removed",
                                              "captured": "people arrested"]

    /// "including 313 gang members", "among them 40 children": a subset of the figure just before it, which
    /// shares its measure.
    func subsetOfPrevious(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>,
                          previous: (measure: String, unit: FigureUnit)?) -> String? {
        guard let previous, previous.unit == n.unit, n.first - 1 >= range.lowerBound else { return nil }
        let t = tz.tokens
        // "370 were arrested, with a notable 205 individuals having records": a part of them, told by what they have.
        var b = n.first - 1
        while b > range.lowerBound, ["a", "an", "notable", "staggering", "whopping", "further"].contains(t[b].lower) { b -= 1 }
        if t[b].lower == "with",
           (n.last + 1..<min(range.upperBound, n.last + 4)).contains(where: { ["having", "facing", "who", "holding"].contains(t[$0].lower) }) {
            return previous.measure
        }
        let w = t[n.first - 1].lower
        guard w == "including" || (w == "them" && n.first - 2 >= range.lowerBound && t[n.first - 2].lower == "among") else { return nil }
        return previous.measure
    }

    /// "That includes 778 with pending charges", "They included 299 during the first half": a sentence opening on a
    /// pronoun for the last figure's people and "include", then the count.
    func includesPartOfLast(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        let t = tz.tokens
        return n.first == range.lowerBound + 2 && ["that", "this", "it", "they", "these", "those"].contains(t[range.lowerBound].lower)
            && ["includes", "included", "include"].contains(t[range.lowerBound + 1].lower)
    }

    /// "more than 600 of the illegal aliens have records", "300 of them": a part of the last figure, its measure.
    func subsetOfThem(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>,
                      last: (measure: String, unit: FigureUnit)?) -> String? {
        let t = tz.tokens
        // "That includes 778 with pending charges", "They included 299 during the first half": a pronoun for the last
        // figure's people, and a part of them.
        if let last, last.unit == n.unit, includesPartOfLast(n, tz, range) { return last.measure }
        // "Of those, 1,549 involved people with a conviction": the sentence opens on the last figure's people.
        if let last, last.unit == n.unit, n.first == range.lowerBound + 3, ["of", "among"].contains(t[range.lowerBound].lower),
           ["those", "them", "these"].contains(t[range.lowerBound + 1].lower), t[range.lowerBound + 2].text == "," {
            return last.measure
        }
        // "Among the detainees, 91 were truck drivers", "Of those arrested in May, 140 had convictions", "Of the 33
        // people arrested in Ocala, four face felony charges": the opening names the people (and may count them all),
        // the number counts some of them.
        if n.unit == .count, n.first >= range.lowerBound + 3, n.first <= range.lowerBound + 14, t[n.first - 1].text == ",",
           ["of", "among"].contains(t[range.lowerBound].lower),
           ["the", "those", "these", "them", "all"].contains(t[range.lowerBound + 1].lower),
           !(range.lowerBound + 1..<n.first - 1).contains(where: { [",", ";"].contains(t[$0].text) }) {
            let opener = range.lowerBound + 1..<n.first - 1
            if let noun = opener.first(where: { Self.countNouns.contains(t[$0].lower) }) { return t[noun].lower }
            if let verb = opener.first(where: { Self.actionVerbs.contains(t[$0].lower) }) { return "people " + t[verb].lower }
            if let last, last.unit == n.unit, ["those", "these", "them"].contains(t[range.lowerBound + 1].lower) { return last.measure }
        }
        guard let last, last.unit == n.unit, n.last + 2 < range.upperBound, t[n.last + 1].lower == "of",
              ["them", "those", "the", "these"].contains(t[n.last + 2].lower) else { return nil }
        if let np = phrase(tz, from: n.last + 2, range), Self.isEnforcementMeasure(np) { return nil }
        return last.measure
    }

    /// Whether `n` counts a part of people named before it: "Of the 10, three were arrested before the operation",
    /// "Among those apprehended, 20 had records", "21 of those taken into custody", "300 of them". Such a part is
    /// the owner's of the figure it is part of.
    func countsPartOfEarlier(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        let t = tz.tokens
        if n.last + 2 < range.upperBound, t[n.last + 1].lower == "of", ["them", "those", "these"].contains(t[n.last + 2].lower) {
            return true
        }
        guard n.first >= range.lowerBound + 3, n.first <= range.lowerBound + 14, t[n.first - 1].text == ",",
              ["of", "among"].contains(t[range.lowerBound].lower),
              ["the", "those", "these", "them"].contains(t[range.lowerBound + 1].lower) else { return false }
        return !(range.lowerBound + 1..<n.first - 1).contains { [",", ";"].contains(t[$0].text) }
    }

    /// A share and a count of the same people told together: "55% or 1,650", "About 27% or 810 arrests", "(82, or a
    /// 7% share)". Each takes the count noun after the pair, else the nearest count noun before it in the sentence
    /// ("Half of the arrests in Utah, 55% or 1,650, were …").
    func pairedMeasure(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> String? {
        let t = tz.tokens
        func isNumber(_ k: Int) -> Bool { k >= range.lowerBound && k < range.upperBound && t[k].kind == .number }
        var after: Int?
        if n.unit == .percent, n.last + 2 < range.upperBound, t[n.last + 1].lower == "or", isNumber(n.last + 2) {
            var j = n.last + 2
            while isNumber(j + 1) || (j + 2 < range.upperBound && t[j + 1].text == "," && isNumber(j + 2) && t[j + 2].end - t[j + 2].start == 3) { j += 1 }
            after = j + 1
        } else if n.unit == .count, n.first - 2 >= range.lowerBound, t[n.first - 1].lower == "or",
                  (t[n.first - 2].text == "%" || t[n.first - 2].lower == "percent") {
            after = n.last + 1
        } else if n.unit == .percent, n.first - 3 >= range.lowerBound {
            // "(82, or a 7% share)", "(82, or 7%)": the comma before "or" follows the count.
            let or = t[n.first - 1].lower == "or" ? n.first - 1 : t[n.first - 1].lower == "a" && t[n.first - 2].lower == "or" ? n.first - 2 : nil
            guard let or, t[or - 1].text == ",", or - 2 >= range.lowerBound, isNumber(or - 2) else { return nil }
        } else {
            return nil
        }
        if let after, after < range.upperBound, t[after].kind == .word, Self.countNouns.contains(t[after].lower) { return t[after].lower }
        var k = n.first - 1
        while k >= max(range.lowerBound, n.first - 14) {
            if Self.countNouns.contains(t[k].lower) { return t[k].lower }
            k -= 1
        }
        return nil
    }

    /// A number with no noun of its own whose verb or noun before it names the measure: "ICE arrests 10 in …",
    /// "arrests of 656", "Of the 422 arrests, 262 have convictions", "44 of 372 detainees", "100 of the 4,000 people
    /// detained".
    func bareCount(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> String? {
        let t = tz.tokens
        let next = n.last + 1 < range.upperBound ? t[n.last + 1] : nil
        if let next, next.kind == .word, !Self.stopWords.contains(next.lower) { return nil }
        let b = n.first - 1
        guard b >= range.lowerBound else { return nil }
        let w = t[b].lower
        if let verb = Self.bareVerbs[w] { return verb }
        // "Arrests in June, more than 275, were double any month", "half of those arrests — 48 percent — in jails": a
        // count set off after its noun.
        if [",", "—", "–"].contains(w), let next, next.text == t[b].text {
            var k = b - 1
            while k >= max(range.lowerBound, b - 6), t[k].kind == .word || t[k].text == "'s" {
                if Self.countNouns.contains(t[k].lower) { return t[k].lower }
                k -= 1
            }
        }
        // "ICE, which took custody of 103 under investigation"
        if w == "of", b - 1 >= range.lowerBound, t[b - 1].lower == "custody" { return "people taken into custody" }
        // "arrests of 656", "the average daily arrests of 656"
        if w == "of", b - 1 >= range.lowerBound, Self.countNouns.contains(t[b - 1].lower) {
            return t[b - 1].lower + (b - 2 >= range.lowerBound && t[b - 2].lower == "daily" ? " a day" : "")
        }
        // "the apprehension of 53 through local sources": an action noun's count of people.
        if w == "of", b - 1 >= range.lowerBound, let done = Self.actionNouns[t[b - 1].lower] { return "people " + done }
        // "44 of 372 detainees", "100 of the 4,000 people detained"
        if let next, next.lower == "of" {
            var k = n.last + 2
            if k < range.upperBound, ["the", "those", "these"].contains(t[k].lower) { k += 1 }
            if k < range.upperBound, t[k].kind == .number {
                var j = k
                while j + 1 < range.upperBound, t[j + 1].kind == .number || t[j + 1].text == "," && j + 2 < range.upperBound
                        && t[j + 2].kind == .number { j += 1 }
                if let (np, end) = phraseSpan(tz, from: j + 1, range) {
                    if Self.genericNouns.contains(np), end + 1 < range.upperBound,
                       let p = Self.actionForms[t[end].lower] ?? (Self.actionVerbs.contains(t[end].lower) ? t[end].lower : nil) {
                        return np + " " + p
                    }
                    return Self.isEnforcementMeasure(np) ? np : nil
                }
            }
        }
        // "Of the 422 arrests, 262 have …"
        var k = b
        while k >= range.lowerBound, n.first - k < 30 {
            if t[k].lower == "of", k + 2 < n.first, t[k + 1].lower == "the", t[k + 2].kind == .number,
               k + 3 < n.first, Self.countNouns.contains(t[k + 3].lower) { return t[k + 3].lower }
            // "Of the total 2,500 detainees, DHS flagged 212"
            if t[k].lower == "of", k + 4 < n.first, t[k + 1].lower == "the", ["total", "estimated", "reported"].contains(t[k + 2].lower),
               t[k + 3].kind == .number, Self.countNouns.contains(t[k + 4].lower) { return t[k + 4].lower }
            k -= 1
        }
        return nil
    }
}
