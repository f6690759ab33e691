import Foundation

extension NumberRecognizer {
    /// The bare number at a token: digits ("4,500", "1.2", ".77", "1/5") or words ("one and a half").
    struct Core {
        var value: Double
        var last: Int
        var isDigits = true
        var hasDecimal = false
        var hasSeparator = false
        var digitCount = 0
        var hasScale = false
        var isVague = false
        var isOrdinalWord = false
        /// The largest scale word inside a spelled-out number ("one million" → 1e6), for "and a half".
        var scale = 1.0
    }

    func core(at i: Int, _ hi: Int) -> Core? {
        let t = tokens[i]
        if t.kind == .punct, t.text == ".", i + 1 < hi, tokens[i + 1].kind == .number, attached(i + 1),
           i == 0 || t.spaceBefore || tokens[i - 1].kind != .number, let v = Double("0." + tokens[i + 1].text.filter(\.isNumber)) {
            return Core(value: v, last: i + 1, hasDecimal: true, digitCount: tokens[i + 1].text.utf8.count)
        }
        if t.kind == .number { return digits(at: i, hi) }
        if t.kind == .word { return words(at: i, hi) }
        return nil
    }

    func digits(at i: Int, _ hi: Int) -> Core? {
        let s = tokens[i].text
        var c = Core(value: 0, last: i)
        // A number token is ASCII digits, commas and dots: count them on the bytes.
        var commas = 0, dots = 0
        for b in s.utf8 {
            if b == 0x2C { commas += 1 } else if b == 0x2E { dots += 1 } else if b >= 0x30 && b <= 0x39 { c.digitCount += 1 }
        }
        var normal = s
        if commas > 0 && dots > 0 {
            let lastComma = s.lastIndex(of: ",")!, lastDot = s.lastIndex(of: ".")!
            if lastComma > lastDot { normal = s.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".") }
            else { normal = s.replacingOccurrences(of: ",", with: "") }
            c.hasDecimal = true; c.hasSeparator = true
        } else if commas > 0 {
            let parts = s.split(separator: ",")
            if parts.dropFirst().allSatisfy({ $0.count == 3 }) { normal = s.replacingOccurrences(of: ",", with: ""); c.hasSeparator = true }
            else if parts.count == 2 { normal = s.replacingOccurrences(of: ",", with: "."); c.hasDecimal = true }
            else { return nil }
        } else if dots > 1 {
            let parts = s.split(separator: ".")
            guard parts.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            normal = s.replacingOccurrences(of: ".", with: ""); c.hasSeparator = true
        } else if dots == 1 {
            c.hasDecimal = true
        }
        guard var v = Double(normal), v.isFinite else { return nil }
        var last = i
        // Thousands grouped by spaces: "1 234 567", "40 000".
        if s.utf8.count <= 3, commas == 0, dots == 0, !(i > 0 && tokens[i - 1].kind == .number && tokens[i - 1].text.utf8.count <= 3) {
            var j = i + 1
            var grouped = normal
            while j < hi, tokens[j].kind == .number, tokens[j].spaceBefore, tokens[j].text.prefix(while: \.isNumber).count == 3,
                  tz.bytes[tokens[j].start - 1] == 0x20, tokens[j].start - tokens[j - 1].end == 1 {
                grouped += tokens[j].text.replacingOccurrences(of: ",", with: "")
                j += 1
            }
            if j > i + 1, let g = Double(grouped) { v = g; last = j - 1; c.hasSeparator = true; if grouped.contains(".") { c.hasDecimal = true } }
        }
        // "1/5", "20/100"; "1/0" is not a number.
        if i + 2 < hi, tokens[i + 1].text == "/", attached(i + 1), attached(i + 2), tokens[i + 2].kind == .number {
            guard let d = Double(tokens[i + 2].text.replacingOccurrences(of: ",", with: "")), d != 0 else { return nil }
            if i + 3 < hi, attached(i + 3), tokens[i + 3].text == "/" || tokens[i + 3].text == "-" { return nil }
            v /= d; last = i + 2; c.hasDecimal = true
        }
        // "1 point 1"
        if last + 2 < hi, lower(last + 1) == "point", tokens[last + 2].kind == .number, let f = Double("0." + tokens[last + 2].text) {
            v += f; last += 2; c.hasDecimal = true
        }
        // Phone numbers and dates written with hyphens: "+1-222-2222-2222", "1995-01", "2013-14", "555-1234".
        if last + 2 < hi, ["-", "–"].contains(tokens[last + 1].text), attached(last + 1), attached(last + 2),
           tokens[last + 2].kind == .number {
            let next = tokens[last + 2].text
            if last + 4 < hi, ["-", "/"].contains(tokens[last + 3].text), attached(last + 3), tokens[last + 4].kind == .number { return nil }
            if c.digitCount == 4, v >= 1800, v <= 2100, next.utf8.count <= 2 { return nil }
            if c.digitCount == 3, next.utf8.count == 4, !c.hasSeparator { return nil }
        }
        if i > 1, tokens[i - 1].text == "/", !tokens[i].spaceBefore, !tokens[i - 1].spaceBefore, tokens[i - 2].kind == .number {
            return nil
        }
        if i > 0, ["-", "/"].contains(tokens[i - 1].text), !tokens[i].spaceBefore, i > 1, tokens[i - 2].kind == .number,
           !tokens[i - 1].spaceBefore {
            let prev = tokens[i - 2].text
            if prev.utf8.count == 4, let pv = Double(prev), pv >= 1800, pv <= 2100, s.utf8.count <= 2 { return nil }
            if prev.utf8.count == 3, s.utf8.count == 4 { return nil }
            if i > 3, ["-", "/"].contains(tokens[i - 3].text), !tokens[i - 2].spaceBefore { return nil }
        }
        c.value = v
        c.last = last
        return c
    }

    /// Spelled-out numbers: "twenty-one thousand eleven", "a hundred and two", "two point two", "one and a half",
    /// "three quarters", "a dozen"; vague "a couple", "a few".
    func words(at i: Int, _ hi: Int) -> Core? {
        enum Last { case none, unit, teen, tens, hundred, scale }
        var total = 0.0, current = 0.0
        var last = Last.none
        var k = i
        var end = -1
        var c = Core(value: 0, last: i, isDigits: false)
        let first = lower(i)
        if first == "a" || first == "an" {
            guard i + 1 < hi else { return nil }
            let n = lower(i + 1)
            if ["couple", "pair", "few"].contains(n) {
                c.value = n == "few" ? 3 : 2; c.isVague = true; c.last = i + 1
                if i + 2 < hi, lower(i + 2) == "of" { c.last = i + 2 }
                return c
            }
            if let (_, f) = NumberWords.currencyWords[n], n.count > 2, f >= 0.01 {
                c.value = 1; c.last = i; return c   // "a dollar", "a penny": the unit follows
            }
            if n == "hundred" || NumberWords.scales[n] != nil || NumberWords.dozens.contains(n) {
                current = 1; last = .unit; k = i + 1; end = i
            } else if n == "half" || n == "quarter" || n == "third" {
                c.value = 1 / (NumberWords.fractions[n] ?? 1); c.last = i + 1; c.hasDecimal = true
                return scaled(c, hi)
            } else { return nil }
        } else if first == "half", i + 2 < hi, lower(i + 1) == "a", NumberWords.dozens.contains(lower(i + 2)) {
            c.value = 6; c.last = i + 2; return c
        } else if first == "point", i + 1 < hi, tokens[i + 1].kind == .number, let v = Double("0." + tokens[i + 1].text) {
            c.value = v; c.last = i + 1; c.hasDecimal = true; return c
        } else if first == "half" || first == "quarter" {
            c.value = 1 / (NumberWords.fractions[first] ?? 1); c.last = i
            return scaled(c, hi)
        }
        while k < hi {
            let w = lower(k)
            if w == "-", last == .tens, k + 1 < hi, NumberWords.units[lower(k + 1)] != nil { k += 1; continue }
            if let v = NumberWords.units[w] {
                if last == .unit || last == .teen { break }
                current += v; last = .unit
            } else if let v = NumberWords.teens[w] {
                if last == .unit || last == .teen || last == .tens { break }
                current += v; last = .teen
            } else if let v = NumberWords.tens[w] {
                if last == .unit || last == .teen || last == .tens { break }
                current += v; last = .tens
            } else if w == "hundred" || w == "hundreds" {
                if last == .hundred || last == .none { break }
                current = max(current, 1) * 100; last = .hundred
            } else if let s = NumberWords.scales[w], !["mil", "mn", "bn", "mln", "bln", "tln"].contains(w) {
                if last == .none { break }
                if current == 0 { total *= s } else { total += current * s; current = 0 }
                last = .scale; c.hasScale = true; c.scale = max(c.scale, s)
            } else if (w == "and" || w == "&"), last == .hundred || last == .scale, k + 1 < hi,
                      NumberWords.simple(lower(k + 1)) != nil {
                k += 1; continue
            } else if w == "point", last != .none, k + 1 < hi {
                var decimals = ""
                var j = k + 1
                while j < hi {
                    let d = lower(j)
                    if let v = NumberWords.units[d] { decimals += String(Int(v)) }
                    else if let v = NumberWords.teens[d] ?? NumberWords.tens[d] { decimals += String(Int(v)) }
                    else if tokens[j].kind == .number, decimals.isEmpty { decimals = tokens[j].text; j += 1; break }
                    else { break }
                    j += 1
                }
                if decimals.isEmpty { break }
                current += Double("0." + decimals) ?? 0
                end = j - 1; c.hasDecimal = true
                k = j
                break
            } else { break }
            end = k
            k += 1
        }
        guard end >= i else {
            if ["first", "second", "third", "tenth", "fifteenth", "last", "next", "previous"].contains(first) { return nil }
            return nil
        }
        var value = total + current
        // Fractions: "one sixth", "two thirds", "three quarters"; "one and a half".
        if end + 1 < hi, let d = NumberWords.fractions[lower(end + 1)], current > 0, current < 10, tokens[end + 1].spaceBefore {
            if !(d == 2 && lower(end + 1) == "half" && current != 3) || lower(end + 1) == "halves" {
                value = total + current / d; end += 1; c.hasDecimal = true
            }
        }
        if end + 3 < hi + 0, lower(end + 1) == "and", lower(end + 2) == "a", lower(end + 3) == "half", !c.hasScale {
            value += 0.5; end += 3
        }
        c.value = value
        c.last = end
        return c.hasDecimal ? scaled(c, hi) : c
    }

    /// "half million", "a quarter million", "three quarters billion".
    func scaled(_ c: Core, _ hi: Int) -> Core {
        var c = c
        if c.last + 1 < hi, let s = NumberWords.scales[lower(c.last + 1)] {
            c.value *= s; c.last += 1; c.hasScale = true
        }
        return c
    }
}
