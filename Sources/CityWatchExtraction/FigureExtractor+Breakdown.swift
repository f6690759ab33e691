import Foundation

/// Breakdowns of a count by the people's records: "those arrested included 17 gang members, 40 convicted of
/// felonies and one fugitive", "led to the arrest of: 54 predators, 164 offenders …", and bulleted lists under a
/// sentence that ends in a colon ("The 543 people arrested … had been charged with the following crimes:" then
/// "- Drunk driving: 93 people."). Each item counts some of the people the list's head counts, so it takes that measure.
extension FigureExtractor {
    /// Words before a number that open a breakdown of the figure they follow.
    static let listOpeners: Set<String> = ["included", "include", "includes", "including", ":"]

    /// Whether the number opens a breakdown: it follows "included" or a colon.
    func opensList(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        n.unit == .count && n.first - 1 >= range.lowerBound && Self.listOpeners.contains(tz.tokens[n.first - 1].lower)
    }

    /// Whether the number starts the next item of a list: after a comma, a semicolon or "and" (", and").
    func isListItem(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        guard n.unit == .count, n.first - 1 >= range.lowerBound else { return false }
        return [",", ";", "and"].contains(tz.tokens[n.first - 1].lower)
    }

    /// Whether a bullet's number is its count: at the start of the item ("54 sexual predators", "- 54 …") or right
    /// after its label's colon ("Drunk driving: 93 people").
    func isBulletCount(_ n: RecognizedNumber, _ tz: Tokenizer) -> Bool {
        let t = tz.tokens
        guard n.unit == .count else { return false }
        if n.first == 0 || (n.first == 1 && Self.isBulletMark(t[0].text)) { return true }
        return t[n.first - 1].text == ":"
    }

    /// A bullet written into a paragraph's text ("- Drunk driving: 93 people.", "• …").
    static let bulletMarks: Set<String> = ["-", "•", "*", "–", "·"]
    static func isBulletMark(_ text: String) -> Bool { bulletMarks.contains(text) }

    /// A paragraph that is a label, a colon and a count only ("Homicide: 2", "Drug offenses: 9.").
    static func isLabelCount(_ unit: TextUnit) -> Bool {
        let t = unit.tz.tokens
        guard unit.kind == .paragraph || unit.kind == .heading, let colon = t.firstIndex(where: { $0.text == ":" }), (1...5).contains(colon),
              t[..<colon].allSatisfy({ $0.kind == .word }), colon + 1 < t.count, t[colon + 1].kind == .number else { return false }
        return colon + 2 == t.count || (colon + 3 == t.count && t[colon + 2].text == ".")
    }

    /// Whether the unit is a bullet, as a list item or as a paragraph that starts with a bullet mark.
    static func isBullet(_ unit: TextUnit) -> Bool {
        if unit.kind == .bullet { return true }
        guard unit.kind == .paragraph, let first = unit.tz.tokens.first else { return false }
        return isBulletMark(first.text) && unit.tz.tokens.count > 1 && unit.tz.tokens[1].spaceBefore
    }

    /// The measure a unit ending in a colon gives the bullets under it: its last sentence's last figure's, else the
    /// people its last sentence's action verb names ("Those arrested had been charged with:"), else, for a sentence
    /// that points back ("Among them:", "Of those:"), the figure before it (`earlier`).
    func listIntroMeasure(_ unit: TextUnit, lastFigure: (measure: String, unit: FigureUnit)?,
                          earlier: (measure: String, unit: FigureUnit)?) -> String? {
        let t = unit.tz.tokens
        guard let range = unit.sentences.last, let end = range.last, t[end].text == ":" else { return nil }
        if let lastFigure, lastFigure.unit == .count { return lastFigure.measure }
        for k in range where Self.actionVerbs.contains(t[k].lower) || Self.actionForms[t[k].lower] != nil {
            return "people " + (Self.actionForms[t[k].lower] ?? t[k].lower)
        }
        if let earlier, earlier.unit == .count, range.count <= 4, ["among", "of"].contains(t[range.lowerBound].lower),
           range.count > 1, ["them", "those", "these"].contains(t[range.lowerBound + 1].lower) {
            return earlier.measure
        }
        return nil
    }
}

/// Rankings: "Texas with 12,500 and Louisiana with almost 7,300", "ranks third in the number of immigrants held in
/// detention with nearly 3,200", "the highest months of ICE arrests have been June, with 873". Each count stands
/// beside a place or a month after "with" and counts what the ranking counts.
extension FigureExtractor {
    /// The index of "with" before a ranked count: a capitalised word (a place, a month) or the end of "the number of
    /// …", maybe a comma, "with", then the number, with no noun of its own after it. Nil when `n` is not such a count.
    func rankedWith(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> Int? {
        let t = tz.tokens
        let with = n.first - 1
        guard with - 1 > range.lowerBound, t[with].lower == "with", n.unit == .count else { return nil }
        let p = t[with - 1].text == "," ? with - 2 : with - 1
        guard p > range.lowerBound, t[p].kind == .word else { return nil }
        // "ranks fourth in the number of immigrants held in detention with about 2,100": the count the ranking names.
        guard (t[p].isCapitalized && !tz.isAllCaps(p)) || numberOf(before: with, tz, range) != nil else { return nil }
        if n.last + 1 < range.upperBound, phraseSpan(tz, from: n.last + 1, range) != nil { return nil }
        return with
    }

    /// The measure of a ranked count: the figure before it in the sentence, else what the sentence counts before
    /// "with" ("the number of immigrants held in detention", "the highest months of ICE arrests"), else the figure
    /// before the sentence (`last`: "That trails Georgia with 9,400").
    func rankedMeasure(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>,
                       previous: (measure: String, unit: FigureUnit)?, last: (measure: String, unit: FigureUnit)?) -> String? {
        guard let with = rankedWith(n, tz, range) else { return nil }
        let t = tz.tokens
        if let previous, previous.unit == n.unit { return previous.measure }
        if let of = numberOf(before: with, tz, range), let (np, end) = phraseSpan(tz, from: of + 1, range) {
            if Self.isEnforcementMeasure(np) { return np }
            if end < range.upperBound, Self.actionVerbs.contains(t[end].lower) { return np + " " + t[end].lower }
        }
        for j in stride(from: with - 1, through: range.lowerBound, by: -1) where t[j].kind == .word {
            if Self.rankedNouns.contains(t[j].lower) { return t[j].lower }
        }
        if let last, last.unit == n.unit { return last.measure }
        return nil
    }

    /// Nouns a ranking counts when the sentence names one ("the highest months of ICE arrests").
    static let rankedNouns: Set<String> = ["arrests", "deportations", "detentions", "removals", "apprehensions",
                                           "detainees", "bookings", "raids"]
}
