import Foundation
import CityWatchSupport

/// A numeric expression found in a sentence, before it is judged a figure.
struct RecognizedNumber: Sendable {
    var value: Double?
    var unit: FigureUnit = .count
    /// A money unit other than US dollars ("eur", "gbp" …): such amounts are recognised but never figures.
    var currency: String?
    var qualifier: Qualifier?
    var range: NumberMention.Range?
    /// First and last token (inclusive).
    var first: Int
    var last: Int
    var isYear = false
    /// "a couple", "a few": numbers in a loose sense, never figures.
    var isVague = false
    var isWords = false
    var hasScale = false

    func mention(_ tz: Tokenizer) -> NumberMention {
        NumberMention(value: value, unit: unit, span: tz.string(tz.tokens[first].start, tz.tokens[last].end),
                      qualifier: qualifier, range: range, currency: currency)
    }
}

/// Finds numbers in text: digits with separators and decimals, spelled-out numbers, scales, percent, money,
/// hedges and ranges. Dates, times, years, phone numbers, statute sections and addresses are left out or marked.
struct NumberRecognizer: Sendable {
    let tz: Tokenizer
    var tokens: [Token] { tz.tokens }

    init(_ tz: Tokenizer) { self.tz = tz }

    @inline(__always) func lower(_ i: Int) -> String { tokens[i].lower }
    @inline(__always) func attached(_ i: Int) -> Bool { i < tokens.count && !tokens[i].spaceBefore }
    func text(_ i: Int, _ hi: Int) -> String? { i < hi ? tokens[i].text : nil }

    static let urlStarts: Set<String> = ["http", "https", "www", "ftp"]

    /// The most tokens a mention has before its first digit or number word ("more than or equal to US $ 5").
    static let maxLead = 10

    /// Every number in the token range `lo..<hi`.
    func recognize(_ lo: Int, _ hi: Int) -> [RecognizedNumber] {
        // Every mention holds a digit or a number word: find those once and try starts only shortly before one.
        var numeric: [Int] = []
        for k in lo..<hi where tokens[k].kind == .number || (tokens[k].kind == .word && NumberWords.numeric.contains(tokens[k].lower)) {
            numeric.append(k)
        }
        guard !numeric.isEmpty else { return [] }
        var out: [RecognizedNumber] = []
        var next = 0
        var i = lo
        while i < hi {
            while next < numeric.count, numeric[next] < i { next += 1 }
            guard next < numeric.count else { break }
            if numeric[next] - i > Self.maxLead {
                // Jump ahead, but to the start of a run of attached tokens (a URL is skipped from its start).
                var j = numeric[next] - Self.maxLead
                while j > i, !tokens[j].spaceBefore { j -= 1 }
                if j > i { i = j; continue }
            }
            let t = tokens[i]
            // URLs and e-mail addresses: skip to the next whitespace.
            if t.kind == .word, t.end - t.start <= 5, Self.urlStarts.contains(t.lower),
               i + 1 < hi, attached(i + 1), [":", "."].contains(tokens[i + 1].text) {
                i += 1
                while i < hi, attached(i) { i += 1 }
                continue
            }
            if let m = parse(at: i, lo, hi) {
                out.append(contentsOf: m)
                i = (m.last?.last ?? i) + 1
            } else {
                i += 1
            }
        }
        return mergeBounds(out, hi)
    }

    /// Joins "more than 10 and less than 40", and "three or four", into one range.
    func mergeBounds(_ found: [RecognizedNumber], _ hi: Int) -> [RecognizedNumber] {
        var out: [RecognizedNumber] = []
        for m in found {
            if var prev = out.last, let a = prev.value, let b = m.value, let qa = prev.qualifier, let qb = m.qualifier,
               m.first - prev.last <= 2, m.first - prev.last >= 2,
               ["and", "but", ","].contains(lower(prev.last + 1)) {
                let lowerQ: Set<Qualifier> = [.moreThan, .atLeast], upperQ: Set<Qualifier> = [.atMost, .upTo]
                var range: NumberMention.Range?
                if lowerQ.contains(qa), upperQ.contains(qb), a < b { range = .init(min: a, max: b) }
                if upperQ.contains(qa), lowerQ.contains(qb), b < a { range = .init(min: b, max: a) }
                if let range {
                    prev.value = nil; prev.qualifier = nil; prev.range = range; prev.last = m.last
                    if prev.unit == .count { prev.unit = m.unit }
                    out[out.count - 1] = prev
                    continue
                }
            }
            // "three or four people", "2 or 3 agents": two neighbouring counts joined by "or" are a range.
            if var prev = out.last, let a = prev.value, let b = m.value, prev.qualifier == nil, m.qualifier == nil,
               prev.unit == m.unit, m.first - prev.last == 2, lower(prev.last + 1) == "or", a < b, b - a <= max(1, a),
               a >= 2, a == a.rounded(), b == b.rounded() {
                prev.value = nil; prev.range = .init(min: a, max: b); prev.last = m.last
                out[out.count - 1] = prev
                continue
            }
            out.append(m)
        }
        return out
    }

    /// Words other than number words and hedges that may start an amount.
    static let starters: Set<String> = ["between", "from", "a", "an", "half", "quarter", "point", "minus", "negative",
                                        "percent", "percents", "percentage", "per", "us", "c", "mex", "cad", "mxn", "usd"]

    /// Every word that may start an amount: one lookup decides for most words of a text.
    static let startWords = WordSet({
        var set = starters.union(hedgeIndex.keys).union(NumberWords.currencyPrefixes.keys)
        set.formUnion(NumberWords.units.keys); set.formUnion(NumberWords.teens.keys); set.formUnion(NumberWords.tens.keys)
        set.formUnion(NumberWords.scales.keys); set.insert("hundred"); set.insert("hundreds")
        return set
    }())

    /// Hedge phrases before a number, longest first.
    static let hedges: [([String], Qualifier?)] = {
        var list: [([String], Qualifier?)] = []
        func add(_ q: Qualifier?, _ phrases: [String]) {
            for p in phrases { list.append((p.split(separator: " ").map(String.init), q)) }
        }
        add(.moreThan, ["more than", "greater than", "larger than", "higher than", "bigger than", "over", "above",
                        "exceed", "exceeds", "exceeding", "exceeded", "surpass", "surpassing", "surpassed",
                        "in excess of", ">", "upwards of", "well over", "just over"])
        add(.atLeast, ["at least", "no less than", "not less than", "no fewer than", "not fewer than",
                       "more than or equal to", "greater than or equal to", "bigger or equal than",
                       "higher or equal than", "greater or equal than", "larger or equal than", "equal to or more than",
                       "equal to or greater than", "at least or equal to", "> =", "a minimum of", "minimum of"])
        add(.atMost, ["less than", "fewer than", "lower than", "smaller than", "under", "below", "<", "at most",
                      "no more than", "not more than", "less than or equal to", "smaller or equal than",
                      "lower or equal than", "less or equal than", "equal to or less than", "equal to or fewer than",
                      "< =", "a maximum of", "maximum of", "just under", "just below"])
        add(.upTo, ["up to", "as many as", "as much as", "as high as"])
        add(.approx, ["about", "around", "nearly", "almost", "roughly", "approximately", "some", "an estimated",
                      "estimated", "close to", "approx.", "circa", "an approximate", "approximate", "just about",
                      "just short of", "just shy of"])
        add(nil, ["equal to", "equals", "equals to", "equaling to", "equaling", "equal", "is equal to"])
        return list.sorted { $0.0.count > $1.0.count }
    }()
    /// Hedges by their first word, longest first.
    static let hedgeIndex: [String: [([String], Qualifier?)]] = Dictionary(grouping: hedges, by: { $0.0[0] })

    func hedge(at i: Int, _ hi: Int) -> (Qualifier?, Int)? {
        guard let candidates = Self.hedgeIndex[lower(i)] else { return nil }
        for (words, q) in candidates where i + words.count <= hi {
            var ok = true
            for (k, w) in words.enumerated() where lower(i + k) != w { ok = false; break }
            if ok { return (q, words.count) }
        }
        return nil
    }

    /// Parses a mention starting at token `i` (a hedge, "between", a currency sign or the number itself).
    func parse(at i: Int, _ lo: Int, _ hi: Int) -> [RecognizedNumber]? {
        let w = lower(i)
        // Only digits, number words, signs, hedges and currency can start a number.
        let t0 = tokens[i]
        if t0.kind == .word, !Self.startWords.contains(w) { return nil }
        if w == "between" || w == "from" {
            if let a = amount(at: i + 1, lo, hi), a.last + 2 < hi + 1,
               ["and", "to", "-", "–"].contains(a.last + 1 < hi ? lower(a.last + 1) : ""),
               let b = amount(at: a.last + 2, lo, hi), let av = a.value, let bv = b.value, av < bv {
                var r = b
                r.first = i; r.value = nil; r.qualifier = nil
                r.range = .init(min: av, max: bv)
                if r.unit == .count { r.unit = a.unit; r.currency = a.currency }
                return [r]
            }
            if w == "from", let a = amount(at: i + 1, lo, hi) { return [a] }
            return nil
        }
        if let (q, n) = hedge(at: i, hi), var a = amount(at: i + n, lo, hi) {
            // "<>30", "=>30": not a comparison this recogniser knows.
            if ["<", ">", "="].contains(tokens[i].text), i > lo,
               [("<", ">"), ("=", ">"), ("=", "<")].contains(where: { $0 == (tokens[i - 1].text, tokens[i].text) }) { return nil }
            if let r = rangeAfter(a, lo, hi) { var r = r; r.first = i; return [r] }
            if a.qualifier == nil && a.range == nil { a.qualifier = q }
            a.first = i
            return [a]
        }
        // "percent of 10", "per cent of twenty-two"
        if NumberWords.percentWords.contains(w) || (w == "per" && i + 1 < hi && lower(i + 1) == "cent") {
            let of = w == "per" ? i + 2 : i + 1
            if of < hi, lower(of) == "of", var a = amount(at: of + 1, lo, hi), a.unit == .count, a.currency == nil {
                a.unit = .percent; a.first = i; return [a]
            }
        }
        if let list = digitList(at: i, hi) { return list }
        guard let a = amount(at: i, lo, hi) else { return nil }
        if let r = rangeAfter(a, lo, hi) { return [r] }
        return [a]
    }

    /// Words that make a four-digit number before "to" a year, not a range's start ("from 1,350 in 2024 to 3,900").
    static let beforeYear: Set<String> = ["in", "since", "fy", "fiscal", "during", "of", "year", "early", "late", "mid"]

    /// "10-20 dollars", "5k-20k", "20 through 100", "20~100", "$10-$20".
    func rangeAfter(_ a: RecognizedNumber, _ lo: Int, _ hi: Int) -> RecognizedNumber? {
        if a.range == nil, a.qualifier == nil, let av = a.value, a.last + 2 < hi,
           ["-", "–", "—", "~", "through", "thru", "to"].contains(lower(a.last + 1)),
           let b = amount(at: a.last + 2, lo, hi), let bv = b.value, b.qualifier == nil, av < bv,
           !(a.isYear && (b.isYear || Self.beforeYear.contains(a.first > lo ? lower(a.first - 1) : ""))),
           lower(a.last + 1) != "to" || a.unit == b.unit {
            var r = b
            r.first = a.first; r.value = nil; r.range = .init(min: av * (b.hasScale && !a.hasScale && av < 1000 ? scaleOf(b) : 1), max: bv)
            if a.unit != .count || a.currency != nil { r.unit = a.unit; r.currency = a.currency }
            return r
        }
        return nil
    }

    func scaleOf(_ b: RecognizedNumber) -> Double {
        for k in b.first...b.last {
            if let s = NumberWords.scales[lower(k)] ?? NumberWords.scaleLetters[tokens[k].text] { return s }
        }
        return 1
    }

    /// "22,24,26,31" and "192.168.1.2": a list of plain numbers, not one number.
    func digitList(at i: Int, _ hi: Int) -> [RecognizedNumber]? {
        guard tokens[i].kind == .number else { return nil }
        let s = tokens[i].text
        for sep: Character in [",", "."] {
            let parts = s.split(separator: sep)
            guard parts.count > 2, !s.contains(sep == "," ? "." : ","),
                  !parts.dropFirst().allSatisfy({ $0.count == 3 }) else { continue }
            return parts.compactMap { Double($0) }.map { RecognizedNumber(value: $0, first: i, last: i) }
        }
        return nil
    }
}

extension NumberMention {
    /// Every number `NumberRecognizer` finds in `text` read as one paragraph, sentence by sentence (for the fuzz
    /// target, which cannot see the recogniser's internal types).
    package static func recognized(in text: String) -> [NumberMention] {
        let unit = TextUnit(kind: .paragraph, text: text)
        let recognizer = NumberRecognizer(unit.tz)
        return unit.sentences.flatMap { recognizer.recognize($0.lowerBound, $0.upperBound).map { $0.mention(unit.tz) } }
    }
}
