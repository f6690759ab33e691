/// RFC 822 dates and the odd forms feeds use: named zones, missing seconds, two-digit years, wrong day names,
/// asctime order.
extension FeedDate {
    // MARK: RFC 822 and friends

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func month(_ token: [UInt8]) -> Int64? {
        guard token.count >= 3, token.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A || $0 == 0x2E }) else { return nil }
        let prefix = String(decoding: token[0..<3], as: UTF8.self)
        return months.firstIndex(of: prefix).map { Int64($0 + 1) }
    }

    static func number(_ token: [UInt8]) -> Int64? {
        guard !token.isEmpty, token.count <= 4, token.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return token.reduce(0) { $0 * 10 + Int64($1 - 0x30) }
    }

    static func parseRFC822(_ b: [UInt8]) -> Int64? {
        // Tokens split on blanks and commas; "01-jan-2004" split on dashes too.
        var tokens: [[UInt8]] = []
        var cur: [UInt8] = []
        for c in b {
            if c == 0x20 || c == 0x2C || c == 0x09 || c == 0x0A || c == 0x0D {
                if !cur.isEmpty { tokens.append(cur); cur = [] }
            } else { cur.append(c) }
        }
        if !cur.isEmpty { tokens.append(cur) }
        if let first = tokens.first, first.count > 3, first.filter({ $0 == 0x2D }).count == 2, first.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true {
            tokens.replaceSubrange(0...0, with: first.split(separator: 0x2D).map(Array.init))
        } else if tokens.count > 1, tokens[1].filter({ $0 == 0x2D }).count == 2, tokens[1].first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true {
            tokens.replaceSubrange(1...1, with: tokens[1].split(separator: 0x2D).map(Array.init))
        }
        // A leading day name, right or wrong, is ignored.
        if let first = tokens.first, month(first) == nil, first.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A || $0 == 0x2E }) {
            tokens.removeFirst()
        }
        guard tokens.count >= 3 else { return nil }
        var day: Int64, mon: Int64, year: Int64
        var rest: ArraySlice<[UInt8]>
        var yearDigits = 4
        if let d = number(tokens[0]), let m = month(tokens[1]), let y = number(tokens[2]) {
            day = d; mon = m; year = y; yearDigits = tokens[2].count; rest = tokens[3...]
        } else if let m = month(tokens[0]), let d = number(tokens[1]) {
            mon = m; day = d
            if let y = number(tokens[2]) {
                year = y; yearDigits = tokens[2].count; rest = tokens[3...]
            } else {
                // asctime: "jan 4 16:29:06 [zone] 2004"
                guard let last = tokens.last, let y = number(last), tokens.count >= 4 else { return nil }
                year = y; yearDigits = last.count; rest = tokens[2..<(tokens.count - 1)]
            }
        } else { return nil }
        if yearDigits <= 2 { year += year < 90 ? 2000 : 1900 }
        var hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0, offset: Int64 = 0
        if let timeToken = rest.first {
            let parts = timeToken.split(separator: 0x3A, omittingEmptySubsequences: false)
            guard parts.count == 2 || parts.count == 3, let h = number(Array(parts[0])), let mi = number(Array(parts[1])) else { return nil }
            hour = h; minute = mi
            if parts.count == 3 { guard let s = number(Array(parts[2])) else { return nil }; second = s }
            var zone: [UInt8] = []
            for t in rest.dropFirst() { zone += t }
            if !zone.isEmpty {
                var i = 0
                guard let z = parseNumericZone(zone, &i) ?? parseNamedZone(zone, &i), i == zone.count else { return nil }
                offset = z
            }
        }
        return compose(year, mon, day, hour, minute, second, offset: offset)
    }
}
