import Foundation

/// Figures stated as a change: "rose to 550, up from 400", "increased the number of agents to 160, from 120",
/// "deportations have increased 31%". The earlier value is the previous value of the same measure, not a figure.
extension FigureExtractor {
    /// Words after which a number is an earlier value or a point of comparison ("up from 180", "compared with 980").
    static let earlierMarkers: Set<String> = ["from", "than", "versus", "vs", "vs."]
    static let comparisonVerbs: Set<String> = ["compared", "comparison", "relative", "against", "compares", "compare"]
    /// Auxiliaries between a subject and its verb of change ("deportations have increased 31%").
    static let auxiliaries: Set<String> = ["have", "has", "had", "were", "was", "are", "is", "been", "be", "now", "already",
                                          "also", "reportedly", "nearly", "almost", "sharply", "steadily", "roughly"]
    /// Prepositions that attach a place to a subject ("arrests in Denver", "deportations from Chicago").
    static let placePrepositions: Set<String> = ["in", "from", "at", "across", "around", "near", "for", "of", "to"]
    /// Verbs that state a level ("troops in Memphis now number 450", "arrests stood at 300").
    static let levelVerbs: Set<String> = ["number", "numbers", "total", "totals", "stood", "stands", "stand", "reach",
                                         "reaches", "exceed", "exceeds", "neared", "nears", "passed", "topped", "hit",
                                         "averaged", "averages", "averaging", "approach", "approaches", "approached",
                                         "approaching", "hovered", "hovers", "hovering", "peaked", "peaking", "topping"]
    /// Verbs that set a figure to a value ("raised the number of agents to 160").
    static let settingVerbs: Set<String> = ["raised", "increased", "cut", "reduced", "lowered", "boosted", "expanded",
                                           "doubled", "brought", "grown", "grew", "rose", "climbed", "fell", "dropped",
                                           "trimmed", "lifted", "set", "capped", "pushed", "put", "took", "drove"]

    /// Whether `n` is an earlier value or a comparison point: "up from 180", "from 120", "compared with 2,800",
    /// "versus 95". Such a number belongs to the same measure as the figure it is compared with.
    func isEarlierValue(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        let t = tz.tokens
        guard let b = earlierMarker(n, t, range) else { return false }
        let w = t[b].text.lowercased()
        if Self.earlierMarkers.contains(w) {
            // "a far cry from the 10,450 ICE arrests in Dallas": a count with its own enforcement noun after a "from"
            // that starts no change is a figure of its own.
            if w == "from", !keepsEarlierValue(n, tz, range), let np = phrase(tz, from: n.last + 1, range),
               Self.isEnforcementMeasure(np) { return false }
            // "more than 130" is a hedge and part of the number; "than" alone compares with another value.
            return true
        }
        if ["with", "to"].contains(w), b - 1 >= range.lowerBound, Self.comparisonVerbs.contains(t[b - 1].text.lowercased()) {
            return true
        }
        if w == "against", b - 1 >= range.lowerBound, t[b - 1].kind == .number || t[b - 1].text == "%" { return true }
        return false
    }

    /// Words before "from" that make the number after it the earlier value of a change ("up from 77", "an increase
    /// from 2,500", "rose … from 95").
    static let changeBeforeFrom: Set<String> = ["up", "down", "increase", "decrease", "rise", "drop", "fall", "jump",
                                                "growth", "decline", "risen", "fallen", "grown", "gone", "went", "change"]
    static let rangeWords: Set<String> = ["range", "ranges", "ranged", "ranging", "vary", "varies", "varied", "varying",
                                          "anywhere", "aged", "ages", "between"]

    /// Whether an earlier value is stated as the start of a change or a comparison, so that a reader keeps it as the
    /// measure's earlier figure: "up from 77 in 2024", "an increase from 2,500 reported in July", "compared with 250
    /// during the same period", "rose to 140 from 95", "versus 95". Not "people from 30 countries" nor "more than".
    func keepsEarlierValue(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        let t = tz.tokens
        guard let b = earlierMarker(n, t, range), b > range.lowerBound else { return false }
        let w = t[b].lower
        if ["versus", "vs", "vs."].contains(w) { return true }
        if ["with", "to"].contains(w) { return ["compared", "comparison", "compares", "compare"].contains(t[b - 1].lower) }
        guard w == "from" else { return false }
        // ("Deportations increased, from 142 in 2024 to 164": past a comma after the verb.)
        let before = t[b - 1].text == "," && b - 2 >= range.lowerBound ? t[b - 2].lower : t[b - 1].lower
        if Self.changeBeforeFrom.contains(before) || Self.changeVerbs.contains(before) || Self.settingVerbs.contains(before) {
            return true
        }
        // "rose to 140 from 95", "increased to 160 agents, from 120": a value set by a verb of change just before.
        let window = max(range.lowerBound, b - 6)..<b
        guard window.contains(where: { t[$0].kind == .number }) else { return false }
        return (range.lowerBound..<b).contains { Self.changeVerbs.contains(t[$0].lower) || Self.settingVerbs.contains(t[$0].lower) }
    }

    /// The word before `n` that may mark it as an earlier value ("from", "versus", "with"), past the determiners
    /// and hedges between them ("up from the 180", "compared with about 980").
    func earlierMarker(_ n: RecognizedNumber, _ t: [Token], _ range: Range<Int>) -> Int? {
        var b = n.first - 1
        while b >= range.lowerBound, ["the", "a", "an", "its", "their", "about", "some", "roughly"].contains(t[b].lower) { b -= 1 }
        return b >= range.lowerBound ? b : nil
    }

    /// Nouns that name a count the sentence or the one before has given ("the number", "the total", "the tally").
    static let anaphoricCounts: Set<String> = ["number", "total", "tally", "count", "figure", "toll"]

    /// A percent change that names no measure of its own: "That is almost a 70% increase over the same period",
    /// "(1,530) has jumped nearly 71% compared to last year". It is the change of the figure before it.
    func isBareChange(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        guard n.unit == .percent else { return false }
        let t = tz.tokens
        let k = Self.pastPeriodWords(t, from: n.last + 1, range)
        if k < range.upperBound, Self.changeNouns.contains(t[k].lower) {
            return !(k + 1 < range.upperBound && ["in", "of"].contains(t[k + 1].lower))
        }
        var b = n.first - 1
        while b > range.lowerBound, ["by", "nearly", "almost", "about", "roughly", "some", "more", "than", "over"].contains(t[b].lower) { b -= 1 }
        // "2,408 detained as of May – an increase of nearly 54 percent compared to 2023": the change of the count before.
        if b - 2 >= range.lowerBound, t[b].lower == "of", Self.changeNouns.contains(t[b - 1].lower), ["a", "an"].contains(t[b - 2].lower),
           !(k < range.upperBound && ["in", "of"].contains(t[k].lower)) {
            return true
        }
        guard b >= range.lowerBound, Self.changeVerbs.contains(t[b].lower), !["totaled", "totalled", "reached", "hit"].contains(t[b].lower)
        else { return false }
        // The verb's subject is a figure or a word pointing back ("it", "that"), not a noun phrase of its own.
        var c = b - 1
        while c > range.lowerBound, ["has", "have", "had", "also"].contains(t[c].lower) { c -= 1 }
        return c >= range.lowerBound && (t[c].kind == .number || t[c].text == ")" || ["it", "that", "this", "which"].contains(t[c].lower))
    }

    /// Whether `n` sets or changes a count named only by a noun that refers back ("deployed 2,000 troops, with the
    /// number rising to 4,000", "bringing the total to 2,500", "pushing the tally past 200"): it is the figure before
    /// it, stated again, and takes that figure's measure. "The number of agents rose to 160" names its own.
    func refersToPrevious(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        let t = tz.tokens
        let determiners: Set<String> = ["the", "that", "this", "its", "their"]
        var b = n.first - 1
        guard b - 2 >= range.lowerBound else { return false }
        // "The count has topped 1,000 every month": a verb of reaching right before the number.
        // ("A year later, that number was about 36,500": the count stated again, later.)
        if ["topped", "reached", "hit", "surpassed", "exceeded", "passed", "crossed", "was", "is", "stood", "stands"].contains(t[b].lower) {
            var k = b - 1
            while k >= range.lowerBound, Self.auxiliaries.contains(t[k].lower) { k -= 1 }
            return k - 1 >= range.lowerBound && Self.anaphoricCounts.contains(t[k].lower) && determiners.contains(t[k - 1].lower)
        }
        guard ["to", "past", "above", "beyond", "at"].contains(t[b].lower) else { return false }
        b -= 1
        // "bringing the total to", "pushing the tally past"
        if Self.anaphoricCounts.contains(t[b].lower), determiners.contains(t[b - 1].lower) {
            guard b - 2 >= range.lowerBound else { return false }
            let verb = t[b - 2].lower
            return verb.hasSuffix("ing") || Self.settingVerbs.contains(verb) || Self.objectSettingVerbs.contains(verb)
        }
        // "the number rising to", "the tally rose to", "the total has climbed to"
        guard Self.changeVerbs.contains(t[b].lower) || Self.settingVerbs.contains(t[b].lower) else { return false }
        var k = b - 1
        while k >= range.lowerBound, Self.auxiliaries.contains(t[k].lower) { k -= 1 }
        return k - 1 >= range.lowerBound && Self.anaphoricCounts.contains(t[k].lower) && determiners.contains(t[k - 1].lower)
    }

    /// Verbs that set their object to a value: "increase detentions to 3,000".
    static let objectSettingVerbs: Set<String> = ["increase", "increasing", "raise", "raising", "boost", "boosting", "double",
                                                  "doubling", "triple", "tripling", "cut", "cutting", "reduce", "reducing",
                                                  "expand", "expanding", "push", "pushing", "bring", "bringing",
                                                  "increased", "raised", "boosted", "expanded", "reduced"]

    /// Adverbs between a subject and its verb of change ("arrests nationwide rose", "deportations also fell").
    static let scopeAdverbs: Set<String> = ["nationwide", "nationally", "statewide", "countrywide", "overall", "locally",
                                            "also", "again", "sharply", "steadily", "dramatically", "significantly"]

    /// The measure of a number set or changed by a verb before it: "the number of agents in Denver (rose) to 160",
    /// "deportations from Chicago rose 22%", "arrests in Denver are up 45%". Nil when no subject is found.
    func changedSubject(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> String? {
        let t = tz.tokens
        var b = n.first - 1
        // "fell from 550 to 400": step over the earlier value.
        var stepped = false
        if b - 3 >= range.lowerBound, ["to", "by"].contains(t[b].text.lowercased()), t[b - 1].kind == .number,
           t[b - 2].text.lowercased() == "from" { b -= 3; stepped = true }
        // "rose from 1,350 in 2024 to 3,900", "an increase from 1,249 arrests in FY 2024 to 3,821": the earlier value
        // and its time stand between "from" and "to"; a noun after the earlier value names the measure of both.
        if !stepped, b - 3 >= range.lowerBound, t[b].lower == "to", let from = earlierFrom(before: b, t, range) {
            var v = from + 1
            while v < b, t[v].kind != .number { v += 1 }
            if v + 1 < b, let np = phrase(tz, from: v + 1, range), Self.isEnforcementMeasure(np) { return np }
            // "the number of agents in Tucson went from about 95 last spring to 140"
            if let of = numberOf(before: from, tz, range), let np = phrase(tz, from: of + 1, range) { return np }
            b = from - 1; stepped = true
        }
        // "double the number of detention beds nationwide — from 56,000 to as many as 100,000"
        // (A range read as one number, "— from 35,000 to 90,000", stands right after the dash too.)
        // ("The number of new immigrants detained last month – just over 28,000 – was …": the count in dashes.)
        if stepped || t[n.first].lower == "from" || (b >= range.lowerBound && ["—", "–"].contains(t[b].text)),
           b >= range.lowerBound, ["—", "–", ","].contains(t[b].text) {
            if let of = numberOf(before: b, tz, range), let (np, end) = phraseSpan(tz, from: of + 1, range) {
                // "the number of new immigrants detained": people and the verb that counts them.
                if !Self.isEnforcementMeasure(np), end < b, Self.actionVerbs.contains(t[end].lower) { return np + " " + t[end].lower }
                return np
            }
            // "the agency's detention capacity for undocumented people — from 40,000 to 100,000"
            for j in stride(from: b - 1, through: max(range.lowerBound, b - 8), by: -1) where t[j].kind == .word {
                if ["detention", "beds", "arrests", "deportations", "detentions", "removals", "agents", "officers", "troops"].contains(t[j].lower) {
                    return phrase(tz, from: j, range)
                }
            }
        }
        // "increase its bed space capacity from 15,000 to 32,000", "expand the number of detention beds from …": a verb,
        // its object, then the change.
        if stepped || t[n.first].lower == "from", b >= range.lowerBound, t[b].kind == .word {
            var j = b
            while j > max(range.lowerBound, b - 10), t[j].kind == .word || ["'s", "’s"].contains(t[j].text),
                  !Self.objectSettingVerbs.contains(t[j].lower) { j -= 1 }
            if Self.objectSettingVerbs.contains(t[j].lower), j < b {
                if let of = numberOf(before: b + 1, tz, range), of > j, let np = phrase(tz, from: of + 1, range) { return np }
                var o = j + 1
                if ["its", "the", "their", "ice's", "ice’s"].contains(t[o].lower) { o += 1 }
                // "ICE's daily arrest quota", "the agency's bed space": past the owner's possessive.
                if o + 1 < b, t[o].kind == .word, ["'s", "’s"].contains(t[o + 1].text) { o += 2 }
                let object = t[o...b].map(\.lower).joined(separator: " ")
                if o <= b, Self.isEnforcementMeasure(object) { return object }
            }
        }
        let setting = !stepped && b >= range.lowerBound && ["to", "by", "at", "past", "above", "beyond", "toward", "towards"].contains(t[b].text.lowercased())
        if setting, let of = numberOf(before: b, tz, range), let (np, end) = phraseSpan(tz, from: of + 1, range) {
            // "The number of people in ICE detention has grown by about 50%": the people the number counts, held.
            if !Self.isEnforcementMeasure(np), end < b,
               (end..<b).contains(where: { Self.detentionWords.contains(t[$0].lower) }) { return np + " detained" }
            return np
        }
        // "increase detentions to 3,000 per day", "triple daily arrests to 3,000": a verb, its object, "to N".
        if setting, b - 2 >= range.lowerBound, t[b - 1].kind == .word, Self.objectSettingVerbs.contains(t[b - 2].lower),
           Self.isEnforcementMeasure(t[b - 1].lower) {
            return t[b - 1].lower + (rate(after: n.last + 1, tz, range).map { " " + $0 } ?? "")
        }
        if setting { b -= 1 }
        // "arrests topping out at 345", "detentions maxed out at 900": the verb before its particle.
        if setting, b - 1 >= range.lowerBound, t[b].lower == "out", Self.levelVerbs.contains(t[b - 1].lower) || t[b - 1].lower == "topped" { b -= 1 }
        // "rose 25 percent to 1.2 million": step over the percent change.
        if setting, b - 1 >= range.lowerBound, ["percent", "%"].contains(t[b].text.lowercased()), t[b - 1].kind == .number { b -= 2 }
        guard b >= range.lowerBound else { return nil }
        let verb = t[b].text.lowercased()
        let isUpDown = ["up", "down", "higher", "lower"].contains(verb)
        // "the jail saw yearly ICE detainments increase from 18 to 128": a bare verb of change after its subject.
        let bareChange = Self.bareChangeVerbs.contains(verb) && b - 1 >= range.lowerBound && t[b - 1].kind == .word
            && (Self.isEnforcementMeasure(t[b - 1].lower) && t[b - 1].lower.hasSuffix("s")
                // "Immigrant detentions in Georgia rise by over 50 percent": a bare verb after its subject's place.
                || (t[b - 1].isCapitalized && b - 2 >= range.lowerBound && t[b - 2].kind == .word
                    && (max(range.lowerBound, b - 4)..<b - 1).contains { Self.placePrepositions.contains(t[$0].lower) }))
        guard Self.changeVerbs.contains(verb) || Self.settingVerbs.contains(verb) || Self.levelVerbs.contains(verb) || isUpDown
            || bareChange
        else { return nil }
        var k = b - 1
        while k >= range.lowerBound, Self.auxiliaries.contains(t[k].text.lowercased()) || Self.scopeAdverbs.contains(t[k].lower) { k -= 1 }
        // "up 45%" needs "are/were/is up", or a headline's count noun right before it ("Wisconsin ICE Arrests Up 20%").
        if isUpDown && k == b - 1 && !(t[k].kind == .word && t[k].lower.hasSuffix("s") && Self.isEnforcementMeasure(t[k].lower)) {
            return nil
        }
        // Step back over a place: "in Denver", "from Chicago", "in Los Angeles".
        var p = k
        while p >= range.lowerBound, t[p].kind == .word, t[p].isCapitalized || t[p].text == "." { p -= 1 }
        if p < k, p >= range.lowerBound, Self.placePrepositions.contains(t[p].text.lowercased()) {
            k = p - 1
        } else {
            // "flights from Newark Liberty airport rose", "detentions at the Broadview facility rose"
            var j = k
            while j >= max(range.lowerBound, k - 5), t[j].kind == .word {
                let w = t[j].text.lowercased()
                if Self.placePrepositions.contains(w) && w != "of" && j < k && t[(j + 1)...k].contains(where: \.isCapitalized) {
                    // Only when a subject stands before the place ("in Chicago arrests jumped" has none).
                    if j - 1 >= range.lowerBound, t[j - 1].kind == .word, !Self.stopWords.contains(t[j - 1].text.lowercased()) {
                        k = j - 1
                    }
                    break
                }
                if Self.stopWords.contains(w) && !["the", "a", "an"].contains(w) { break }
                j -= 1
            }
        }
        // "a staggering increase in immigration arrests, surging by 182%": the change noun's object names it.
        if k < range.lowerBound || t[k].kind != .word {
            for j in range.lowerBound..<b where Self.changeNouns.contains(t[j].lower) && j + 1 < b && ["in", "of"].contains(t[j + 1].lower) {
                if let np = phrase(tz, from: j + 2, range), Self.isEnforcementMeasure(np) { return np }
            }
            return nil
        }
        // The noun phrase ending at k (at most three words, no stop words).
        var start = k
        while start - 1 >= range.lowerBound, k - start < 2, t[start - 1].kind == .word,
              !Self.stopWords.contains(t[start - 1].text.lowercased()) { start -= 1 }
        var words = t[start...k].map { $0.text.lowercased() }
        // "ICE arrests of undocumented immigrants surged by 627%": the noun before "of" is the measure.
        if !Self.isEnforcementMeasure(words.joined(separator: " ")), start - 2 >= range.lowerBound, t[start - 1].lower == "of",
           Self.countNouns.contains(t[start - 2].lower) {
            words = (start - 3 >= range.lowerBound && t[start - 3].kind == .word && !Self.stopWords.contains(t[start - 3].lower)
                     ? [t[start - 3].lower] : []) + [t[start - 2].lower]
        }
        // "Arrests originating from jails rose from about 350 per day": the count noun that heads the subject, past
        // a participle and its object.
        // (The object may itself read as enforcement, "jails", "courthouses": the count noun still heads.)
        if !Self.countNouns.contains(words.last ?? ""), start - 2 >= range.lowerBound,
           Self.placePrepositions.contains(t[start - 1].lower) || ["from", "by"].contains(t[start - 1].lower) {
            var j = start - 2
            while j > max(range.lowerBound, start - 5), t[j].kind == .word, t[j].lower.hasSuffix("ing") || t[j].lower.hasSuffix("ed") { j -= 1 }
            if j < start - 2, Self.countNouns.contains(t[j].lower) { return t[j].lower }
        }
        guard let head = words.last, !Self.stopWords.contains(head), !Self.nonMeasures.contains(head),
              !Self.auxiliaries.contains(head) else { return nil }
        return words.joined(separator: " ")
    }

    /// The "from" of a change before its "to" at `b`, with an earlier value right after it and only that value's
    /// words and a time between ("from 1,350 in 2024 to", "from about 95 agents last year to").
    func earlierFrom(before b: Int, _ t: [Token], _ range: Range<Int>) -> Int? {
        var j = b - 1
        while j >= max(range.lowerBound, b - 9) {
            if [",", ";", ":", "—", "–", "(", ")"].contains(t[j].text) { return nil }
            if t[j].lower == "from" {
                guard j + 1 < b else { return nil }
                let hedged = NumberRecognizer.hedgeIndex[t[j + 1].lower] != nil && j + 2 < b
                let value = hedged ? j + 2 : j + 1
                // Words must stand between the value and "to" ("from 400 to 550" is the recogniser's range).
                return t[value].kind == .number && value + 1 < b ? j : nil
            }
            j -= 1
        }
        return nil
    }

    /// Verbs of change in their bare form ("saw arrests increase"), which are nouns too ("an increase from").
    static let bareChangeVerbs: Set<String> = ["increase", "rise", "grow", "drop", "fall", "decline", "jump", "climb", "surge",
                                               "double", "triple", "soar", "spike", "top", "tops", "surpass", "surpasses",
                                               "exceed", "exceeds"]

    /// The index of "of" in "the number of …" before token `b` in the same clause, when a setting verb precedes it
    /// or the number phrase is the subject ("The number of troops in Nashville rose to 550").
    func numberOf(before b: Int, _ tz: Tokenizer, _ range: Range<Int>) -> Int? {
        let t = tz.tokens
        var k = b - 1
        while k - 1 >= range.lowerBound {
            let w = t[k].text
            if [";", ",", ":"].contains(w) { break }
            if w.lowercased() == "of", ["number", "numbers", "count", "total", "size", "tally", "toll"].contains(t[k - 1].text.lowercased()) { return k }
            k -= 1
        }
        return nil
    }

    /// The measure of a number that leaves it out because the number before it in the sentence gave it:
    /// "300 agents to Phoenix and 150 to Tucson", "85 people in Omaha, 40 in Lincoln".
    func elidedMeasure(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>,
                       previous: (measure: String, unit: FigureUnit)?) -> String? {
        guard let previous, n.first - 1 >= range.lowerBound else { return nil }
        let t = tz.tokens
        var next = n.last + 1 < range.upperBound ? t[n.last + 1].text.lowercased() : ""
        // "eight each in Hibbing and St. Paul": "each" stands between the count and its place.
        if next == "each", n.last + 2 < range.upperBound { next = t[n.last + 2].lower }
        // "319 arrests, around 17% of the total": a share of the count before it.
        if n.unit == .percent, previous.unit == .count, next == "of", n.last + 3 < range.upperBound,
           t[n.last + 2].lower == "the", t[n.last + 3].lower == "total" { return previous.measure }
        guard previous.unit == n.unit else { return nil }
        // "… in Wilson County, they increased from 22 to 110": a pronoun standing for the count before it.
        var v = n.first - 1
        if t[v].lower == "from", v - 1 >= range.lowerBound { v -= 1 }
        if Self.changeVerbs.contains(t[v].lower) || Self.bareChangeVerbs.contains(t[v].lower) {
            var s = v - 1
            while s >= range.lowerBound, Self.auxiliaries.contains(t[s].lower) { s -= 1 }
            if s >= range.lowerBound, ["they", "it", "these", "those", "that", "both"].contains(t[s].lower) { return previous.measure }
        }
        // "130 people were arrested, with 44 having a criminal record": a part of the count before it.
        // ("40 National Guard personnel, with 13 coming from the Army National Guard and 27 …": the parts of a force.)
        if t[n.first - 1].lower == "with", ["having", "facing", "being", "with", "coming"].contains(next) { return previous.measure }
        // "California saw 5,860 arrests, Washington reported 620 and Idaho 310": a place (and a verb of reporting)
        // before the number, after a comma or "and", in a list of counts with the first one's measure.
        var p = n.first - 1
        if Self.reportingVerbs.contains(t[p].lower) { p -= 1 }
        if p > range.lowerBound, t[p].isCapitalized, t[p].kind == .word, [",", "and"].contains(t[p - 1].lower),
           next != "of", !(n.last + 1 < range.upperBound && phraseSpan(tz, from: n.last + 1, range) != nil) {
            return previous.measure
        }
        // "Another 126 were detained for other violations, and 229 had final orders": a part told with its verb.
        if [",", "and"].contains(t[n.first - 1].text), ["had", "have", "has", "were", "was", "are", "involved", "faced", "face"].contains(next),
           n.last + 2 < range.upperBound, t[n.last + 2].kind == .word { return previous.measure }
        // "about 50 detainees in Ogden and an additional 18 in Provo", "another 30 to Tucson", "and 173 with warrants".
        guard ["and", ",", "plus", "while", "additional", "another"].contains(t[n.first - 1].text.lowercased()) else { return nil }
        return ["to", "in", "at", "for", "across", "from", "with", "coming"].contains(next) ? previous.measure : nil
    }

    /// Verbs that report a place's count in a list ("Washington reported 620").
    static let reportingVerbs: Set<String> = ["reported", "saw", "had", "recorded", "logged", "counted", "made", "with"]

    /// Verbs of money before an amount, and the measure they name ("will cost $2.5 million" → "cost").
    static let moneyVerbs: [String: String] = [
        "cost": "cost", "costs": "cost", "costing": "cost", "spent": "spending", "spend": "spending", "spends": "spending",
        "spending": "spending", "approved": "funding", "allocated": "funding", "budgeted": "funding", "earmarked": "funding",
        "awarded": "funding", "granted": "funding", "received": "funding", "requested": "funding", "sought": "funding",
        "pledged": "funding", "provided": "funding", "aside": "funding", "allotted": "funding", "appropriated": "funding",
        "worth": "contract", "valued": "contract", "allocates": "funding", "allocate": "funding", "provides": "funding",
        "provide": "funding", "includes": "funding", "including": "funding", "contains": "funding", "earmarks": "funding",
        "approves": "funding", "budgets": "funding",
        "receive": "payments", "receives": "payments", "receiving": "payments", "earn": "payments", "earns": "payments",
        "earned": "payments", "make": "payments", "makes": "payments", "paid": "payments", "pays": "payments",
        "pay": "payments", "collect": "payments", "collects": "payments", "collected": "payments",
    ]

    /// The measure of a dollar amount named by the verb before it: "the operation will cost $2.5 million".
    func moneyMeasure(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> String? {
        guard n.unit == .usd else { return nil }
        let t = tz.tokens
        var b = n.first - 1
        while b >= range.lowerBound, ["a", "an", "the", "another", "additional", "roughly", "about", "estimated",
                                      "approximately", "nearly", "some", "staggering", "whopping", "record", "massive",
                                      "historic", "unprecedented", "extra", "further", "total", "combined"].contains(t[b].lower) { b -= 1 }
        if b >= range.lowerBound, let verb = Self.moneyVerbs[t[b].lower] { return verb }
        // "ICE's 2024 immigrant detention budget was about $9 billion"
        if b - 1 >= range.lowerBound, ["was", "is", "of", "totaled", "totals", "reached", "hit"].contains(t[b].lower),
           let noun = Self.moneyNouns[t[b - 1].lower],
           (max(range.lowerBound, b - 5)..<b).contains(where: { Self.enforcementAdjectives.contains(t[$0].lower) }) { return noun }
        // "a broader $170 billion immigration enforcement package", "a $1 billion detention contract": the amount of
        // an enforcement package, budget or contract.
        var k = n.last + 1
        var enforcement = false
        while k < min(range.upperBound, n.last + 8), t[k].kind == .word {
            let w = t[k].lower
            if Self.moneyNouns[w] != nil { return enforcement || w.hasPrefix("contract") ? Self.moneyNouns[w] : nil }
            if Self.enforcementAdjectives.contains(w) { enforcement = true }
            k += 1
        }
        // "More than $45 billion in the bill is earmarked for …", "the $45 billion will provide 100,000 beds"
        for k in n.last + 1..<min(range.upperBound, n.last + 12) where Self.fundingWords.contains(t[k].lower) { return "funding" }
        // "ICE pays $115 per person per day", "$112 a day to hold each detainee": what a day of detention costs.
        var j = n.last + 1, daily = false
        while j + 1 < range.upperBound, ["per", "a", "each"].contains(t[j].lower), Self.detentionRateUnits.contains(t[j + 1].lower) {
            if ["day", "night"].contains(t[j + 1].lower) { daily = true }
            j += 2
        }
        if daily, range.contains(where: { Self.detentionRateWords.contains(t[$0].lower) }) { return "detention cost a day" }
        return nil
    }

    /// What a detention rate is counted in ("$115 per person per day") and the words that make it one.
    static let detentionRateUnits: Set<String> = ["day", "night", "person", "detainee", "inmate", "prisoner", "bed", "head"]
    static let detentionRateWords = detentionWords.union(["housing", "detainee", "prisoner", "prisoners", "inmate", "inmates",
                                                          "bed", "beds"])

    /// Nouns of money after an amount ("a $170 billion enforcement package") and the measure they give.
    static let moneyNouns: [String: String] = [
        "package": "funding", "bill": "funding", "budget": "funding", "funding": "funding", "fund": "funding",
        "grant": "funding", "grants": "funding", "appropriation": "funding", "allocation": "funding", "plan": "funding",
        "request": "funding", "contract": "contract", "contracts": "contract", "deal": "contract",
    ]
    /// Words of a money noun's phrase that make it enforcement money ("immigration and border enforcement package").
    static let enforcementAdjectives: Set<String> = ["immigration", "enforcement", "detention", "deportation", "deportations",
                                                     "border", "ice", "removal", "removals", "surge", "crackdown"]

    /// Words after an amount that make it money for something ("is earmarked for", "will provide", "will fund").
    static let fundingWords: Set<String> = ["earmarked", "designated", "allocated", "budgeted", "appropriated", "provide",
                                            "provides", "fund", "funds", "finance", "finances", "pay", "pays"]

    /// "rose from 400 to 550": a range after a verb of change is a change, not a range.
    func isChange(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        let t = tz.tokens
        guard t[n.first].text.lowercased() == "from", n.first - 1 >= range.lowerBound else { return false }
        let before = t[n.first - 1].text.lowercased()
        // "to nearly double the number of beds — from 56,000 to 100,000": the verb before the dash.
        if ["—", "–"].contains(before) {
            return (max(range.lowerBound, n.first - 12)..<n.first - 1).contains {
                Self.objectSettingVerbs.contains(t[$0].lower) || Self.changeVerbs.contains(t[$0].lower) || ["grow", "expand"].contains(t[$0].lower)
            }
        }
        if Self.changeVerbs.contains(before) || Self.settingVerbs.contains(before) { return true }
        // "detention capacity from 40,000 to 100,000", "noncriminal arrests … from 27% to 51%": a from-to range after
        // a measure is a change too, unless a word of range ("ages ranging from 18 to 65") stands before it.
        return t[n.first - 1].kind == .word && !Self.rangeWords.contains(before)
            && !(max(range.lowerBound, n.first - 4)..<n.first).contains { Self.rangeWords.contains(t[$0].lower) }
    }

    /// Words that make a sentence's figure national even in an article about one city.
    static let nationalWords: Set<String> = ["nationwide", "nationally", "national", "countrywide", "country", "nation"]
    /// Words before "nationally" that make it a person's or a thing's renown ("known nationally").
    static let renownWords: Set<String> = ["known", "recognized", "renowned", "famous", "televised", "ranked", "syndicated"]

    /// Words after "the country" that make it a person's immigration status ("in the country illegally"), not a scope.
    static let statusWords: Set<String> = ["illegally", "unlawfully", "legally", "lawfully", "without", "undocumented"]
    /// Verbs before "the country" that make it a border crossed ("entered the country"), not a scope.
    static let crossingVerbs: Set<String> = ["enter", "entered", "enters", "entering", "leave", "left", "leaves",
                                             "leaving", "remain", "remained", "remaining", "remains", "stay", "stayed"]

    /// Whether "country" at `k` speaks of a person's presence in it ("suspected of being in the country illegally",
    /// "who entered the country without papers", "remained in the country despite removal orders").
    static func isStatusCountry(_ k: Int, _ t: [Token], _ range: Range<Int>) -> Bool {
        guard t[k].lower == "country", k - 1 >= range.lowerBound, t[k - 1].lower == "the" else { return false }
        if k + 1 < range.upperBound, statusWords.contains(t[k + 1].lower) { return true }
        guard k - 2 >= range.lowerBound else { return false }
        if crossingVerbs.contains(t[k - 2].lower) { return true }
        return ["in", "into"].contains(t[k - 2].lower) && k - 3 >= range.lowerBound
            && (["being", "living", "lived", "lives", "live", "residing", "remain", "remained", "remaining", "stay",
                 "stayed", "are", "were", "was", "is", "illegally", "unlawfully"].contains(t[k - 3].lower)
                || crossingVerbs.contains(t[k - 3].lower))
    }

    /// How far the nearest national word ("nationwide") is from `n` in its sentence, within six tokens.
    func nationalDistance(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> Int? {
        let t = tz.tokens
        var best: Int?
        for k in max(range.lowerBound, n.first - 6)..<min(range.upperBound, n.last + 7) where k < n.first || k > n.last {
            let w = t[k].text.lowercased()
            guard Self.nationalWords.contains(w), !Self.isStatusCountry(k, t, range) else { continue }
            if w == "nationally", k > range.lowerBound, Self.renownWords.contains(t[k - 1].lower) { continue }
            // "agents from around the country": where they come from, not the figure's scope.
            if (max(range.lowerBound, k - 3)..<k).contains(where: { t[$0].lower == "from" }) { continue }
            if w == "national", k + 1 < range.upperBound, t[k + 1].lower.hasPrefix("guard") { continue }
            let d = k < n.first ? n.first - k : (k - n.last) + 1
            best = min(best ?? d, d)
        }
        return best
    }

    /// "ICE averaged 311 daily arrests in the fiscal year", "ICE reported 969 single-day arrests": the agency's own
    /// tally, stated without a place, is the nation's (a fiscal year is the agency's; so is a daily count ICE reports).
    func isAgencyTally(_ measure: String, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        let t = tz.tokens
        if range.contains(where: { $0 + 1 < range.upperBound && t[$0].lower == "fiscal" && ["year", "years"].contains(t[$0 + 1].lower) }) {
            return true
        }
        let words = measure.split(separator: " ")
        guard words.contains(where: { ["daily", "single-day", "day"].contains($0) })
                || range.contains(where: { t[$0].lower == "daily" || (t[$0].lower == "single" && $0 + 2 < range.upperBound
                    && t[$0 + 1].text == "-" && t[$0 + 2].lower == "day") }) else { return false }
        return range.contains { k in
            k + 1 < range.upperBound && (t[k].text == "ICE" || (t[k].lower == "agency" && k > range.lowerBound && t[k - 1].lower == "the"))
                && ["reported", "averaged", "recorded", "logged", "tallied", "announced", "has", "had", "made"].contains(t[k + 1].lower)
        }
    }

    func isNational(_ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        let t = tz.tokens
        for k in range {
            // "deployed 2,000 agents to more than 25 cities", "in at least six states": many places, none named.
            if NumberWords.countsManyPlaces(t, at: k, from: range.lowerBound),
               !(max(range.lowerBound, k - 4)..<k).contains(where: { ["from", "of"].contains(t[$0].lower) }) {
                return true
            }
            let w = t[k].text.lowercased()
            // "National Guard troops" names the troops, not the scope; "agents from around the country" says where
            // they come from.
            if w == "national", k + 1 < range.upperBound, t[k + 1].lower.hasPrefix("guard") { continue }
            // "brothers known nationally as worship singers": their fame, not the figure's scope.
            if w == "nationally", k > range.lowerBound, Self.renownWords.contains(t[k - 1].lower) { continue }
            if Self.isStatusCountry(k, t, range) { continue }
            if Self.nationalWords.contains(w), !(max(range.lowerBound, k - 3)..<k).contains(where: { t[$0].lower == "from" }) {
                return true
            }
        }
        return false
    }
}
