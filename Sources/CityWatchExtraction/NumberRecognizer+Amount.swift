import Foundation

extension NumberRecognizer {
    /// One amount at token `i`: optional sign and currency, the number, then scale, fraction, percent or currency
    /// words and a trailing "or more" / "or less". Nil when nothing numeric starts here or it is not a quantity.
    func amount(at start: Int, _ lo: Int, _ hi: Int) -> RecognizedNumber? {
        guard start < hi else { return nil }
        var i = start
        var negative = false
        var currency: String?
        var factor = 1.0
        // Comparison signs written with digits: ">10", ">= 30", "<=  -30"; "<>30" and "=>30" are not ranges.
        let w0 = tokens[i].text
        if w0 == "=" || (w0 == "<" && i + 1 < hi && tokens[i + 1].text == ">") { return nil }
        let dash = w0 == "-" || w0 == "−"
        if dash && i + 1 < hi && tokens[i + 1].kind == .number && (attached(i + 1) || i == lo) || ["minus", "negative"].contains(tokens[i].lower) {
            if dash, i > lo, tokens[i - 1].kind == .number || tokens[i - 1].text == "+" || tokens[i - 1].text == "-" { return nil }
            // "SCP-173", "COVID-19": a hyphen inside a name, not a minus sign.
            if dash, i > lo, !tokens[i].spaceBefore, tokens[i - 1].kind == .word { return nil }
            negative = true; i += 1
        }
        // Currency before the amount: "$", "US$", "us $", "USD", "c $", "Mex$", "€", "£".
        if i < hi {
            let a = tokens[i].lower
            if i + 1 < hi, tokens[i + 1].text == "$", ["us", "c", "usd", "mex", "cad", "mxn"].contains(a) {
                currency = NumberWords.currencyPrefixes[a + "$"]; i += 2
            } else if let c = NumberWords.currencyPrefixes[a], a.count <= 3 || a == "usd$",
                      tokens[i].kind != .word || tokens[i].text == tokens[i].text.uppercased() || a == "usd" {
                if i + 1 < hi, tokens[i + 1].kind == .number || ["-", "−"].contains(tokens[i + 1].text)
                    || NumberWords.isNumberWord(lower(i + 1)) || lower(i + 1) == "a" {
                    currency = c; i += 1
                }
            }
            if currency != nil, i < hi, tokens[i].text == "-" || tokens[i].text == "−", i + 1 < hi, tokens[i + 1].kind == .number {
                negative = true; i += 1
            }
        }
        guard i < hi, let core = core(at: i, hi) else { return nil }
        var value = core.value
        var last = core.last
        var unit = FigureUnit.count
        var hasScale = core.hasScale
        var percent = false
        // Suffixes, in any order: scale, dozen, "and a half", percent, currency.
        var k = last + 1
        suffixes: while k < hi {
            let t = tokens[k]
            let lw = t.lower
            if t.kind == .word, !t.spaceBefore, core.isDigits, k == core.last + 1 {
                let bare = t.text.hasSuffix(".") && t.text.count == 2 ? String(t.text.dropLast()) : t.text
                if let s = NumberWords.scaleLetters[bare], !(k + 1 < hi && attached(k + 1) && tokens[k + 1].kind == .word
                                                               && NumberWords.currencyWords[lower(k + 1)] == nil) {
                    value *= s; hasScale = true; last = k; k += 1; continue
                }
                if let (c, f) = NumberWords.currencyWords[lw], currency == nil, lw != "$" {
                    currency = c; factor = f; last = k; k += 1; continue
                }
                if lw == "us", k + 1 < hi, tokens[k + 1].text == "$" { currency = "usd"; last = k + 1; k += 2; continue }
                if lw == "s" { last = k; k += 1; continue }   // "the 1960s"
                return nil   // "180ml", "4th", "2pm": a measurement, an ordinal or a time
            }
            if t.kind == .punct, t.text == "-", attached(k), k + 1 < hi, attached(k + 1), currency == nil,
               let (c, f) = NumberWords.currencyWords[lower(k + 1)], tokens[k + 1].kind == .word, lower(k + 1) != "c" {
                currency = c; factor = f; last = k + 1; k += 2; continue   // "12-cent", "one-yen"
            }
            if lw == "hundred" || lw == "hundreds", !hasScale {
                value *= 100; hasScale = true; last = k; k += 1
                if let (v, e) = continuation(after: k, below: 100, hi) { value += v; last = e; k = e + 1 }
                continue
            }
            if let s = NumberWords.scales[lw] ?? (t.text.count <= 3 ? NumberWords.scaleLetters[t.text] : nil),
               !(t.text == "m" || t.text == "b"), !(t.text.count == 1 && k + 1 < hi && tokens[k + 1].kind == .word && !tokens[k + 1].spaceBefore) {
                value *= s; hasScale = true; last = k; k += 1
                if k + 3 <= hi, lower(k) == "and", lower(k + 1) == "a", lower(k + 2) == "half" { value += s / 2; last = k + 2; k += 3 }
                else if s < 1e6, let (v, e) = continuation(after: k, below: s, hi) { value += v; last = e; k = e + 1 }
                continue
            }
            if NumberWords.dozens.contains(lw) { value *= 12; last = k; k += 1; continue }
            if lw == "and", k + 2 < hi, lower(k + 1) == "a", let d = NumberWords.fractions[lower(k + 2)], d <= 4 {
                value += (core.scale > 1 ? core.scale : 1) / d; last = k + 2; k += 3; continue
            }
            if !percent, unit == .count, currency == nil {
                if lw == "%" || NumberWords.percentWords.contains(lw) { percent = true; last = k; k += 1; continue }
                if lw == "per", k + 1 < hi, lower(k + 1) == "cent" { percent = true; last = k + 1; k += 2; continue }
            }
            if currency == nil {
                if lw == "us" || lw == "u.s." || lw == "chinese" || lw == "mexican" || lw == "canadian",
                   k + 1 < hi, let (c, f) = NumberWords.currencyWords[lower(k + 1)] {
                    currency = lw == "chinese" ? "cny" : lw == "mexican" ? "mxn" : lw == "canadian" ? "cad" : c
                    factor = f; last = k + 1; k += 2
                    if k < hi, tokens[k].text == "$" { last = k; k += 1 }
                    continue
                }
                if let (c, f) = NumberWords.currencyWords[lw], lw != "c" || (k + 1 >= hi || tokens[k + 1].kind == .punct) {
                    if lw == "¢" || lw == "c" || t.kind == .word || t.text == "$" || t.text == "€" || t.text == "£" || t.text == "¥" || t.text == "元" {
                        currency = c; factor = f; last = k; k += 1
                        if lw == "us", k < hi, tokens[k].text == "$" { last = k; k += 1 }
                        continue
                    }
                }
                if t.text == "€", k + 1 < hi, attached(k + 1), lower(k + 1) == "ur" { currency = "eur"; last = k + 1; k += 2; continue }
            }
            break suffixes
        }
        if negative { value = -value }
        // Dollars and cents: "3 dollars 50 cents", "$20 43", "15 dollars and 15", "3 GBP and one".
        if currency != nil, factor == 1, !hasScale, value == value.rounded(), !core.hasDecimal {
            var j = last + 1
            if j < hi, lower(j) == "and" { j += 1 }
            if j < hi, let cents = self.core(at: j, hi), !cents.hasScale, cents.value < 100, cents.value >= 0,
               cents.value == cents.value.rounded() {
                let after = cents.last + 1 < hi ? lower(cents.last + 1) : ""
                let centWord = ["cents", "cent", "c", "pence", "penny", "¢", "mao"].contains(after)
                if centWord || NumberWords.currencyWords[after] == nil && after != "%" && !NumberWords.percentWords.contains(after) {
                    value += (negative ? -1 : 1) * cents.value / 100
                    last = centWord ? cents.last + 1 : cents.last
                    if after == "mao", cents.last + 2 < hi, let more = self.core(at: cents.last + 2, hi), more.value < 10 {
                        value += more.value / 100; last = more.last
                    }
                }
            }
        }
        var r = RecognizedNumber(value: value * factor, first: start, last: last)
        r.isWords = !core.isDigits
        r.isVague = core.isVague
        r.hasScale = hasScale
        if percent { unit = .percent }
        if let currency {
            if currency == "usd" { unit = .usd } else { r.currency = currency }
        }
        r.unit = unit
        // Trailing bounds: "500 or more", "five hundred and more", "5000 or less", "200 or greater".
        if last + 2 < hi + 1, last + 1 < hi, ["or", "and"].contains(lower(last + 1)), last + 2 < hi {
            let w = lower(last + 2)
            if ["more", "greater", "above", "higher", "over", "plus"].contains(w) { r.qualifier = .atLeast; r.last = last + 2 }
            if ["less", "fewer", "below", "lower", "under"].contains(w) { r.qualifier = .atMost; r.last = last + 2 }
            if r.qualifier != nil, ((r.last + 1)..<min(hi, r.last + 7)).contains(where: {
                tokens[$0].kind == .number || NumberWords.isNumberWord(lower($0)) || lower($0) == "a" }) {
                r.qualifier = nil; r.last = last
            } else if r.qualifier != nil, r.last + 1 < hi, ["than", "equal"].contains(lower(r.last + 1)) {
                r.last += 1
                if r.last + 1 < hi, lower(r.last) == "equal", lower(r.last + 1) == "to" { r.last += 1 }
            }
        }
        // "100+ members": more than 100 (not "2+2", a sum).
        if r.qualifier == nil, r.last + 1 < hi, tokens[r.last + 1].text == "+", !tokens[r.last + 1].spaceBefore,
           !(r.last + 2 < hi && tokens[r.last + 2].kind == .number) {
            r.qualifier = .moreThan; r.last += 1
        }
        if !accept(&r, core: core, lo, hi) { return nil }
        return r
    }

    /// Context rules: times, dates, years, addresses, statute sections, "all 70 of us", "3 times", "the one".
    func accept(_ r: inout RecognizedNumber, core: Core, _ lo: Int, _ hi: Int) -> Bool {
        let after = r.last + 1 < hi ? lower(r.last + 1) : ""
        let before = r.first > lo ? lower(r.first - 1) : ""
        let plain = r.unit == .count && r.currency == nil && !r.hasScale
        if plain {
            if ["am", "pm", "a.m.", "p.m.", "a.m", "p.m", "o'clock"].contains(after) { return false }
            if after == ":" , r.last + 2 < hi, tokens[r.last + 2].kind == .number, attached(r.last + 1) { return false }
            if before == ":", r.first > lo + 1, tokens[r.first - 2].kind == .number { return false }
            if ["times", "time"].contains(after) && r.qualifier == nil && !core.isVague && lower(r.first) != "one" { return false }
            // "all 70 of us", "all 50 states", but "All 37 people arrested by ICE" counts.
            if before == "all" && r.qualifier == nil && !(r.last + 1 < hi && ["people", "men", "women", "workers", "detainees",
                "immigrants", "migrants", "individuals", "arrestees", "agents", "officers", "troops"].contains(after)) { return false }
            if ["section", "sections", "§", "title", "chapter", "article", "rule", "no.", "number", "route", "interstate",
                "highway", "hwy", "amendment", "proposition", "prop.", "district", "ward", "precinct", "room", "suite",
                "unit", "apt", "flight", "bill", "docket", "case", "page", "pages", "exit", "i", "us", "sr",
                "channel", "grade", "level", "phase", "step", "week", "day", "year", "game", "round", "period"].contains(before)
                && r.qualifier == nil && !(before == "number" && isVerbNumber(r.first - 1, lo)) { return false }
            if after == "(", r.last + 3 < hi + 1, r.last + 2 < hi, tokens[r.last + 2].kind == .word,
               tokens[r.last + 2].text.count <= 2, attached(r.last + 1) { return false }   // "287(g)"
            if r.first > lo, NumberWords.monthNames.contains(tokens[r.first - 1].text) { return false }
            if r.last + 1 < hi, NumberWords.monthNames.contains(tokens[r.last + 1].text) && core.isDigits && (r.value ?? 0) <= 31 { return false }
            if before == "+" { return false }
            // A statute: "8 U.S.C. 1357", "8 CFR 287.7".
            if Self.codeWords.contains(after) || Self.codeWords.contains(before) { return false }
            if r.first - 2 >= lo, [("<", ">"), ("=", ">"), ("=", "<")].contains(where: { $0 == (tokens[r.first - 2].text, before) }) {
                return false   // "<>30", "=>30", "=<30"
            }
            // A street address: "1935 Orchard St.", "6016 Dublin Road", "1777 NE Loop 410".
            if core.isDigits, r.last + 2 < hi, tokens[r.last + 1].isCapitalized {
                for k in (r.last + 2)..<min(hi, r.last + 4) where Self.streetWords.contains(tokens[k].text) { return false }
                if Self.compassWords.contains(tokens[r.last + 1].text), core.isDigits, !core.hasSeparator { return false }
            }
            // "911 calls": the emergency number.
            if r.value == 911, core.isDigits, ["call", "calls", "dispatch", "dispatchers", "operator", "operators", "center"].contains(after) {
                return false
            }
            if lower(r.first) == "one" && r.last == r.first && ["the", "this", "that", "which", "each", "every", "any", "no",
                                                                "another", "someone", "anyone", "everyone", "no-"].contains(before) { return false }
            if core.isDigits, core.digitCount == 4, !core.hasDecimal, !core.hasSeparator, let v = r.value, v >= 1800, v <= 2100 {
                r.isYear = true
            }
        }
        if core.isOrdinalWord { return false }
        // "One-fourth": a fraction written with a hyphen is not counted.
        if r.isWords, r.last + 2 < hi, tokens[r.last + 1].text == "-", attached(r.last + 1),
           NumberWords.fractions[lower(r.last + 2)] != nil { return false }
        return true
    }

    /// "troops now number 450": "number" as a verb, not "number 5" as a label.
    func isVerbNumber(_ k: Int, _ lo: Int) -> Bool {
        k - 1 >= lo && ["now", "still", "already", "will", "would", "could", "may", "might", "to", "which", "that", "who"]
            .contains(lower(k - 1))
    }

    /// The rest of "4 thousand 3 hundred and 21" after a scale word: a smaller number, optionally after "and".
    func continuation(after k: Int, below limit: Double, _ hi: Int) -> (Double, Int)? {
        var j = k
        if j < hi, lower(j) == "and" || lower(j) == "&" { j += 1 }
        guard j < hi, var c = core(at: j, hi), c.value < limit, c.value == c.value.rounded(), !c.hasDecimal else { return nil }
        var value = c.value
        if c.last + 1 < hi, ["hundred", "hundreds"].contains(lower(c.last + 1)), limit > 100, !c.hasScale {
            value *= 100; c.last += 1
            if value >= limit { return nil }
            if let (v, e) = continuation(after: c.last + 1, below: 100, hi) { value += v; c.last = e }
        }
        return (value, c.last)
    }

    static let streetWords: Set<String> = ["St.", "St", "Street", "Ave.", "Ave", "Avenue", "Road", "Rd.", "Blvd.", "Boulevard",
                                           "Drive", "Dr.", "Lane", "Ln.", "Way", "Court", "Ct.", "Place", "Pl.", "Highway",
                                           "Parkway", "Pkwy.", "Circle", "Terrace", "Trail", "Square", "Sq.", "Plaza",
                                           "Pike", "Alley", "Row", "Expressway", "Freeway", "Pkwy", "Loop"]
    /// Compass abbreviations that follow a house number ("2035 N. Central Avenue", "1777 NE Loop 410").
    static let compassWords: Set<String> = ["N", "N.", "S", "S.", "E", "E.", "W", "W.", "NE", "NW", "SE", "SW",
                                            "N.E.", "N.W.", "S.E.", "S.W."]
    /// Abbreviations of legal codes around section numbers.
    static let codeWords: Set<String> = ["u.s.c.", "u.s.c", "usc", "c.f.r.", "c.f.r", "cfr", "stat.", "ilcs", "u.s.c.a."]
}
