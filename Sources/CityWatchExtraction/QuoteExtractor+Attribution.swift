import Foundation

/// Reading who is quoted from the words around the marks.
extension QuoteExtractor {
    static let speechVerbs: Set<String> = [
        "said", "says", "told", "declared", "called", "calling", "stated", "added", "warned", "wrote", "described",
        "describing", "labeled", "labeling", "labelled", "insisted", "argued", "noted", "explained", "asked", "urged",
        "tweeted", "posted", "announced", "claimed", "vowed", "stressed", "according", "saying", "adding", "writes",
        "tells", "asserted", "remarked", "replied", "responded", "testified", "acknowledged", "promised", "contended",
    ]
    /// Verbs of an attribution after the quote ("…,” said X" / "…,” X told reporters").
    static let verbsAfter: Set<String> = [
        "said", "says", "added", "declared", "stated", "wrote", "told", "warned", "explained", "insisted", "noted",
        "asked", "argued", "continued", "recalled", "tweeted", "posted", "replied", "responded", "writes", "tells",
    ]
    /// Capitalised words of a role ("Homeland Security Secretary", "Gov.").
    static let titles: Set<String> = [
        "Mayor", "Governor", "Gov.", "Secretary", "Senator", "Sen.", "Rep.", "Representative", "President", "Director",
        "Chief", "Commissioner", "Sheriff", "Attorney", "General", "Judge", "Councilmember", "Councilman", "Councilwoman",
        "Spokesperson", "Spokesman", "Spokeswoman", "Officer", "Acting", "Deputy", "Assistant", "Czar", "Border",
        "Homeland", "Security", "Police", "Lt.", "Sgt.", "Capt.", "Dr.", "Speaker", "Leader", "Chair", "Chairman",
        "Chairwoman", "Administrator", "Superintendent", "Minister", "Ambassador", "Executive", "Vice", "Former",
        "Immigration", "Enforcement", "ICE", "DHS", "State", "Council", "Member", "Field", "Office", "U.S.",
        "Prosecutor", "Treasurer", "Auditor", "Comptroller", "Controller", "Clerk", "Coach", "Principal", "Professor",
        "Prof.", "Rev.", "Pastor", "Gen.", "Col.", "Maj.", "Det.", "Trooper", "Agent", "Inspector",
        "Coroner", "Constable", "Marshal", "Chancellor", "Provost", "Trustee", "Alderman", "Alderwoman",
        "Supervisor", "Assemblyman", "Assemblywoman", "Assemblymember", "Delegate", "Congressman", "Congresswoman",
        "Manager", "Commander", "Captain", "Lieutenant", "Sergeant", "Detective", "Restaurateur", "Operations",
        "Communications", "Public", "Affairs", "Information", "Patrol", "Customs", "Protection",
        "Department", "Federal", "National", "Guard", "Senior", "Interim", "Special", "Press",
    ]
    /// Lower-case role nouns that may stand inside a name run ("Border Patrol commander Gregory Bovino").
    static let roleNouns: Set<String> = [
        "mayor", "governor", "secretary", "senator", "president", "director", "chief", "commissioner", "sheriff",
        "attorney", "judge", "councilmember", "councilman", "councilwoman", "spokesperson", "spokesman", "spokeswoman",
        "officer", "commander", "agent", "administrator", "czar", "official", "lawyer", "advocate", "organizer",
        "founder", "executive", "supervisor", "leader", "manager", "coordinator", "counsel", "chair", "chairman",
        "chairwoman", "superintendent", "acting", "deputy", "assistant", "press", "senior", "former", "representative",
    ]
    static let anonymous: Set<String> = ["spokesperson", "spokesman", "spokeswoman", "official", "officials", "source",
                                        "sources", "representative", "aide", "statement"]
    static let pronouns: Set<String> = ["he", "she", "they"]
    /// Capitalised sentence openers and dates that are never a speaker ("However, …", "Friday").
    static let notNames: Set<String> = [
        "however", "still", "yet", "later", "earlier", "instead", "tonight", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july",
        "august", "september", "october", "november", "december", "it", "we", "i", "you",
    ]
    /// Words opening a clause after a name's comma rather than a role ("Ann Lee, is gearing up …").
    static let clauseStarts: Set<String> = ["is", "was", "has", "had", "will", "would", "can", "could", "he", "she",
                                           "they", "it", "said", "says", "who", "which"]
    static let honorifics: Set<String> = ["Mr.", "Ms.", "Mrs.", "Miss", "Mx."]
    static let relatives: Set<String> = ["who", "which", "whose", "where", "when", "whom"]
    static let prepositions: Set<String> = ["in", "at", "on", "from", "for", "across", "outside", "near", "to", "of",
                                            "by", "since", "after", "before", "during"]
    static let nameConnectors: Set<String> = ["de", "del", "van", "von", "la"]

    /// "…,” said Homeland Security Secretary Chad Wolf." / "…,” Wolf said." / "…,” she said."
    func attributionAfter(_ unit: TextUnit, _ span: (open: Int, close: Int), limit: Int) -> Attribution? {
        let t = unit.tz.tokens
        let start = span.close + 1
        var k = start
        let end = min(limit, t.count, start + 14)
        while k < end, t[k].kind == .punct, [",", "—", "–", "-"].contains(t[k].text) { k += 1 }
        // Quoted speech ends in punctuation inside the marks or is set off after them; a scare-quoted phrase is not.
        guard k < end, k > start || [",", ".", "?", "!", "—"].contains(t[span.close - 1].text) else { return nil }
        if Self.verbsAfter.contains(t[k].lower) { return person(unit, from: k + 1, end: end) }
        var j = k
        while j < end, j - k < 8, t[j].kind == .word, !Self.verbsAfter.contains(t[j].lower) { j += 1 }
        guard j < end, j > k, Self.verbsAfter.contains(t[j].lower) else { return nil }
        return person(unit, from: k, end: j)
    }

    /// "Mayor Karen Bass declared, “…”", "New York Mayor Alexandria Wiley called the initiative “…”",
    /// "According to ICE, “…”".
    func attributionBefore(_ unit: TextUnit, _ open: Int, floor: Int) -> Attribution? {
        let t = unit.tz.tokens
        // The sentence holding the opening mark.
        var s = open - 1
        while s > floor, !([".", "!", "?"].contains(t[s - 1].text) && t[s].spaceBefore) { s -= 1 }
        s = max(s, floor)
        // A speech verb shortly before the quote ("declared, “", "called the initiative “", "said the plan could “").
        guard s < open, (max(s, open - 8)..<open).contains(where: { Self.speechVerbs.contains(t[$0].lower) })
        else { return nil }
        s = Self.afterDateline(t, s, open)
        if let a = (s..<open).first(where: { t[$0].lower == "according" && $0 + 2 < open && t[$0 + 1].lower == "to" }) {
            return accordingTo(unit, from: a + 2, end: open)
        }
        if s < open, Self.pronouns.contains(t[s].lower) { return .pronoun }
        // The run right before a speech verb is its subject ("Glacier Ridge third-grader Ann Lee said").
        for v in (s + 1)..<open where Self.speechVerbs.contains(t[v].lower) && t[v - 1].kind == .word && Self.inNameRun(t[v - 1]) {
            var a = v - 1
            while a > s, t[a - 1].kind == .word, Self.inNameRun(t[a - 1]) { a -= 1 }
            if let who = person(unit, from: a, end: v), who.isName { return who }
        }
        // The first person-like run before the verb: the subject. A run after a preposition is a place or time
        // ("In Chicago, Mayor Brandon Johnson said"); an unnamed role counts when no name follows.
        var unnamed: Attribution?
        var k = s
        while k < open {
            if t[k].kind == .word, t[k].isCapitalized, !CityRecognizer.functionWords.contains(t[k].lower) {
                var e = k
                while e + 1 < open, t[e + 1].kind == .word, Self.inNameRun(t[e + 1]) { e += 1 }
                if k == s || !Self.prepositions.contains(t[k - 1].lower), let who = person(unit, from: k, end: e + 1) {
                    if who.isName { return who }
                    unnamed = unnamed ?? who
                }
                k = e + 1
            } else if t[k].kind == .word, Self.anonymous.contains(t[k].lower) {
                unnamed = unnamed ?? .unnamed(role: t[k].lower)
                k += 1
            } else { k += 1 }
        }
        return unnamed
    }

    /// "according to ICE" names an organisation; "according to Mayor Ann Lee" a person.
    func accordingTo(_ unit: TextUnit, from: Int, end: Int) -> Attribution? {
        let t = unit.tz.tokens
        var k = from
        while k < end, ["the", "a", "an"].contains(t[k].lower) { k += 1 }
        var e = k
        while e < end, t[e].kind == .word, t[e].isCapitalized || (e > k && ["of", "and", "for"].contains(t[e].lower)) { e += 1 }
        while e > k, !t[e - 1].isCapitalized { e -= 1 }
        guard e > k else { return person(unit, from: from, end: end) }
        if let who = person(unit, from: k, end: e), case .named = who { return who }
        return .named(name: unit.tz.span(k, e - 1), role: nil)
    }

    static func inNameRun(_ token: Token) -> Bool {
        token.isCapitalized || nameConnectors.contains(token.text) || roleNouns.contains(token.lower)
    }

    /// The index after a dateline opening the sentence ("NEW ORLEANS (AP) —", "CHARLOTTE, N.C. —"), else `s`.
    static func afterDateline(_ t: [Token], _ s: Int, _ end: Int) -> Int {
        guard let dash = (s..<min(end, s + 12)).first(where: { ["—", "–", "-", "--"].contains(t[$0].text) }), dash > s
        else { return s }
        var inParens = false
        for i in s..<dash {
            let text = t[i].text
            if text == "(" { inParens = true } else if text == ")" { inParens = false }
            else if !inParens, t[i].kind == .word, text.contains(where: \.isLowercase), !text.hasSuffix(".") { return s }
        }
        return dash + 1
    }

    /// Role and name in a run starting at `from` ("Los Angeles Mayor Karen Bass" → Mayor, Karen Bass), an unnamed
    /// role ("a spokesperson", "the mayor"), or a pronoun standing alone ("she").
    func person(_ unit: TextUnit, from: Int, end: Int) -> Attribution? {
        let t = unit.tz.tokens
        var k = from
        while k < end, ["the", "a", "an"].contains(t[k].lower) { k += 1 }
        guard k < end, t[k].kind == .word else { return nil }
        if Self.pronouns.contains(t[k].lower) { return k + 1 == end ? .pronoun : nil }
        // A capitalised sentence opener is not part of the name ("While Baine said", "Added Hall").
        while k < end, t[k].isCapitalized, CityRecognizer.functionWords.contains(t[k].lower)
                || Self.speechVerbs.contains(t[k].lower) || Self.notNames.contains(t[k].lower) { k += 1 }
        guard k < end, !Self.notNames.contains(t[k].lower) else { return nil }
        // An honorific is neither name nor role ("Ms. Claussen").
        while k + 1 < end, Self.honorifics.contains(t[k].text) { k += 1 }
        if !t[k].isCapitalized, Self.anonymous.contains(t[k].lower) { return .unnamed(role: t[k].lower) }
        var run: [Int] = []
        var j = k
        while j < end, t[j].kind == .word, Self.inNameRun(t[j]), run.count < 10 {
            if !t[j].isCapitalized, Self.nameConnectors.contains(t[j].text), run.isEmpty { break }
            run.append(j); j += 1
        }
        guard !run.isEmpty else {
            if (k..<end).contains(where: { Self.anonymous.contains(t[$0].lower) }) { return .unnamed(role: nil) }
            return nil
        }
        // The name: the trailing words that are not role words (at most three); the role: the words before it.
        var nameStart = run.count
        while nameStart > 0, !Self.isRoleWord(t[run[nameStart - 1]]), run.count - nameStart < 3 { nameStart -= 1 }
        let nameIdx = Array(run[nameStart...])
        guard let first = nameIdx.first, let lastName = nameIdx.last else {
            return .unnamed(role: t[run.last!].lower)   // "the mayor", "a DHS spokesperson"
        }
        // A name is capitalised and not a shouted dateline ("NEW ORLEANS").
        guard nameIdx.allSatisfy({ t[$0].isCapitalized || Self.nameConnectors.contains(t[$0].text) }),
              nameIdx.count == 1 || nameIdx.contains(where: { t[$0].text.contains(where: \.isLowercase) })
        else { return nil }
        var roleIdx = Array(run[..<nameStart])
        // Drop a leading place from the role ("Los Angeles Mayor" → "Mayor", "California Governor" → "Governor").
        while let f = roleIdx.first, !Self.isRoleWord(t[f]) { roleIdx.removeFirst() }
        var role = roleIdx.isEmpty ? nil : unit.tz.span(roleIdx.first!, roleIdx.last!)
        // "said Marisol Vázquez, director of the National Immigration Law Center"
        if role == nil, j < t.count, t[j].text == ",", j + 1 < t.count, t[j + 1].kind == .word {
            var a = j + 1
            while a < t.count, ["a", "an", "the"].contains(t[a].lower) { a += 1 }
            var e = a
            while e < t.count, ![".", ",", ";", "\u{201C}", "\""].contains(t[e].text), e - j < 10 { e += 1 }
            // Not a clause ("34, who lives nearby", ", but last month …", "told The Times"), not another name
            // ("said Ann Lee, Rosa Diaz and …"); a role stops before a relative clause and loses dangling words.
            if let rel = (a..<e).first(where: { Self.relatives.contains(t[$0].lower) }) { e = rel }
            while e > a, CityRecognizer.functionWords.contains(t[e - 1].lower) { e -= 1 }
            let words = (a..<e).filter { t[$0].kind == .word && t[$0].lower != "and" }
            let onlyName = words.allSatisfy { t[$0].isCapitalized && !Self.isRoleWord(t[$0]) }
            if e > a, t[a].kind == .word, !onlyName, !CityRecognizer.functionWords.contains(t[a].lower),
               !Self.speechVerbs.contains(t[a].lower), !Self.clauseStarts.contains(t[a].lower) {
                role = unit.tz.span(a, e - 1)
            }
        }
        if nameIdx.count == 1 { return .surname(t[first].text, role: role) }
        return .named(name: unit.tz.span(first, lastName), role: role)
    }

    static func isRoleWord(_ token: Token) -> Bool {
        titles.contains(token.text) || roleNouns.contains(token.lower)
    }
}
