import Foundation

/// Finds quoted words and their speaker: "“…,” said Role Name", "Name said, “…”", "Role Name declared, “…”",
/// partial quotes after a verb ("called the initiative “…”"); an unnamed spokesperson gives a nil speaker.
struct QuoteExtractor: Sendable {
    let gazetteer: Gazetteer

    static let speechVerbs: Set<String> = [
        "said", "says", "told", "declared", "called", "calling", "stated", "added", "warned", "wrote", "described",
        "describing", "labeled", "labeling", "labelled", "insisted", "argued", "noted", "explained", "asked", "urged",
        "tweeted", "posted", "announced", "claimed", "vowed", "stressed", "according", "saying", "adding", "writes",
        "tells", "asserted", "remarked", "replied", "responded", "testified", "acknowledged", "promised", "contended",
    ]
    static let titles: Set<String> = [
        "Mayor", "Governor", "Gov.", "Secretary", "Senator", "Sen.", "Rep.", "Representative", "President", "Director",
        "Chief", "Commissioner", "Sheriff", "Attorney", "General", "Judge", "Councilmember", "Councilman", "Councilwoman",
        "Spokesperson", "Spokesman", "Spokeswoman", "Officer", "Acting", "Deputy", "Assistant", "Czar", "Border",
        "Homeland", "Security", "Police", "Lt.", "Sgt.", "Capt.", "Dr.", "Speaker", "Leader", "Chair", "Chairman",
        "Chairwoman", "Administrator", "Superintendent", "Minister", "Ambassador", "Executive", "Vice", "Former",
        "Immigration", "Enforcement", "ICE", "DHS", "State", "Council", "Member", "Field", "Office", "U.S.",
    ]
    static let anonymous: Set<String> = ["spokesperson", "spokesman", "spokeswoman", "official", "officials", "source",
                                        "sources", "representative", "aide", "statement"]

    func quotes(in unit: TextUnit) -> [Quote] {
        let t = unit.tz.tokens
        var spans: [(open: Int, close: Int)] = []
        var i = 0
        while i < t.count {
            let s = t[i].text
            if s == "\u{201C}" || s == "\"" {
                var j = i + 1
                while j < t.count, !(t[j].text == "\u{201D}" || t[j].text == "\"" || (s == "\"" && t[j].text == "\u{201C}")) { j += 1 }
                if j < t.count, j > i + 1 { spans.append((i, j)); i = j + 1; continue }
            }
            i += 1
        }
        var out: [Quote] = []
        var lastSpeaker: (String?, String?)?
        for (k, span) in spans.enumerated() {
            var textEnd = span.close - 1
            while textEnd > span.open, [",", ";", ":"].contains(t[textEnd].text) { textEnd -= 1 }
            guard textEnd > span.open else { continue }   // nothing but punctuation between the marks
            let text = unit.tz.string(t[span.open + 1].start, t[textEnd].end)
            let words = t[(span.open + 1)...textEnd].filter { $0.kind == .word }.count
            let after = attributionAfter(unit, span.close + 1, limit: k + 1 < spans.count ? spans[k + 1].open : t.count)
            let before = after == nil ? attributionBefore(unit, span.open, floor: k > 0 ? spans[k - 1].close + 1 : 0) : nil
            if let who = after ?? before {
                out.append(Quote(speaker: who.0, role: who.1, text: text)); lastSpeaker = who
            } else if let lastSpeaker, words >= 4, isOwnSentence(t, span) {
                out.append(Quote(speaker: lastSpeaker.0, role: lastSpeaker.1, text: text))
            }
        }
        return out
    }

    /// A quote standing as whole sentences (not a scare-quoted phrase inside one).
    func isOwnSentence(_ t: [Token], _ span: (open: Int, close: Int)) -> Bool {
        let before = span.open == 0 || [".", "!", "?"].contains(t[span.open - 1].text)
        let closing = [".", "!", "?"].contains(t[span.close - 1].text)
        return before && closing
    }

    /// "…,” said Homeland Security Secretary Chad Wolf." / "…,” Wolf said." / "…,” said Marisol Vázquez, director …"
    func attributionAfter(_ unit: TextUnit, _ start: Int, limit: Int) -> (String?, String?)? {
        let t = unit.tz.tokens
        var k = start
        let end = min(limit, t.count, start + 14)
        while k < end, t[k].kind == .punct, [",", "—", "–", "-"].contains(t[k].text) { k += 1 }
        guard k < end, k > start || t[start - 1].text == "," || t[start - 1].text == "\u{201D}" else { return nil }
        if ["said", "says", "added", "declared", "stated", "wrote", "told", "warned", "explained", "insisted", "noted"]
            .contains(t[k].lower) {
            return person(unit, from: k + 1, end: end)
        }
        // "Name said" / "the spokesperson said"
        var j = k
        while j < end, t[j].kind == .word, !["said", "says", "added", "told", "wrote", "declared", "stated"].contains(t[j].text) { j += 1 }
        if j < end, j > k, ["said", "says", "added", "told", "wrote", "declared", "stated"].contains(t[j].text) {
            return person(unit, from: k, end: j)
        }
        return nil
    }

    /// "Mayor Karen Bass declared, “…”", "New York Mayor Alexandria Wiley called the initiative “…”".
    func attributionBefore(_ unit: TextUnit, _ open: Int, floor: Int) -> (String?, String?)? {
        let t = unit.tz.tokens
        // The sentence holding the opening mark.
        var s = open - 1
        while s > floor, !([".", "!", "?"].contains(t[s - 1].text) && t[s].spaceBefore) { s -= 1 }
        s = max(s, floor)
        // A speech verb shortly before the quote ("declared, “", "called the initiative “", "said the plan could “").
        guard s < open, (max(s, open - 8)..<open).contains(where: { Self.speechVerbs.contains(t[$0].lower) })
        else { return nil }
        // The first person-like run before the verb: the subject.
        var k = s
        while k < open {
            if t[k].kind == .word, t[k].isCapitalized, !CityRecognizer.functionWords.contains(t[k].lower) {
                var e = k
                while e + 1 < open, t[e + 1].kind == .word, t[e + 1].isCapitalized || ["de", "del", "van", "von", "la"].contains(t[e + 1].text) { e += 1 }
                if let who = person(unit, from: k, end: e + 1), who.0 != nil { return who }
                k = e + 1
            } else if t[k].kind == .word, Self.anonymous.contains(t[k].lower) {
                return (nil, t[k].lower)
            } else { k += 1 }
        }
        return nil
    }

    /// Role and name in a capitalised run starting at `from` ("Los Angeles Mayor Karen Bass" → Mayor, Karen Bass),
    /// or an anonymous speaker ("a spokesperson") → nil name.
    func person(_ unit: TextUnit, from: Int, end: Int) -> (String?, String?)? {
        let t = unit.tz.tokens
        var k = from
        while k < end, ["the", "a", "an"].contains(t[k].lower) { k += 1 }
        guard k < end else { return nil }
        if t[k].kind == .word, Self.anonymous.contains(t[k].lower) { return (nil, t[k].lower) }
        var run: [Int] = []
        var j = k
        while j < end, t[j].kind == .word, t[j].isCapitalized || (["de", "del", "van", "von"].contains(t[j].text) && !run.isEmpty) {
            run.append(j); j += 1
        }
        guard !run.isEmpty else {
            if (k..<end).contains(where: { Self.anonymous.contains(t[$0].lower) }) { return (nil, nil) }
            return nil
        }
        // The name: the trailing words that are not titles (at most three); the role: titles before it.
        var nameStart = run.count
        while nameStart > 0, !Self.titles.contains(t[run[nameStart - 1]].text), run.count - nameStart < 3 { nameStart -= 1 }
        let nameIdx = Array(run[nameStart...])
        guard !nameIdx.isEmpty else { return nil }
        if nameIdx.count == 1 && nameStart == 0 && run.count == 1 {
            // A lone surname is a speaker only when nothing else is known ("Wolf said").
            return (t[nameIdx[0]].text, nil)
        }
        let name = unit.tz.span(nameIdx.first!, nameIdx.last!)
        var roleIdx = Array(run[..<nameStart])
        // Drop a leading place from the role ("Los Angeles Mayor" → "Mayor", "California Governor" → "Governor").
        while let f = roleIdx.first, !Self.titles.contains(t[f].text) { roleIdx.removeFirst() }
        var role = roleIdx.isEmpty ? nil : unit.tz.span(roleIdx.first!, roleIdx.last!)
        // "said Marisol Vázquez, director of the National Immigration Law Center"
        if role == nil, j < t.count, t[j].text == ",", j + 1 < t.count, t[j + 1].kind == .word {
            var e = j + 1
            while e < t.count, ![".", ",", ";", "\u{201C}", "\""].contains(t[e].text), e - j < 10 { e += 1 }
            if e > j + 1 { role = unit.tz.span(j + 1, e - 1) }
        }
        return (name, role)
    }
}
