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
        parseCanonicalRFC822(b) ?? parseRFC822Tokens(b)
    }

    /// Any RFC 822-like date, token by token.
    static func parseRFC822Tokens(_ b: [UInt8]) -> Int64? {
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

    /// The form nearly every RSS date has, "sun, 06 nov 1994 08:49:37 +0000" (or gmt, ut, utc), read without
    /// tokenizing; nil for anything else, which the general reading above then takes (with the same result for
    /// what this accepts: FeedDateTests compares them).
    static func parseCanonicalRFC822(_ b: [UInt8]) -> Int64? {
        // "ddd, " + day (1-2) + " mmm yyyy hh:mm:ss " + zone (at least 1).
        guard b.count >= 25, b[3] == 0x2C, b[4] == 0x20 else { return nil }
        @inline(__always) func letter(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
        @inline(__always) func digit(_ k: Int) -> Int64? {
            let c = b[k]
            return c >= 0x30 && c <= 0x39 ? Int64(c - 0x30) : nil
        }
        // The day name must not read as a month (the general reading would take it as one).
        guard letter(b[0]), letter(b[1]), letter(b[2]) else { return nil }
        let name = UInt32(b[0]) << 16 | UInt32(b[1]) << 8 | UInt32(b[2])
        switch name {
        case 0x6D6F6E, 0x747565, 0x776564, 0x746875, 0x667269, 0x736174, 0x73756E: break  // mon ... sun
        default: return nil
        }
        var i = 5
        guard let d0 = digit(i) else { return nil }
        var day = d0
        i += 1
        if let d1 = digit(i) { day = day * 10 + d1; i += 1 }
        // " mmm yyyy hh:mm:ss " then the zone.
        guard b.count >= i + 20, b[i] == 0x20, b[i + 4] == 0x20, b[i + 9] == 0x20, b[i + 12] == 0x3A, b[i + 15] == 0x3A,
              b[i + 18] == 0x20 else { return nil }
        let monthName = UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
        let month: Int64
        switch monthName {
        case 0x6A616E: month = 1  // jan
        case 0x666562: month = 2
        case 0x6D6172: month = 3
        case 0x617072: month = 4
        case 0x6D6179: month = 5
        case 0x6A756E: month = 6
        case 0x6A756C: month = 7
        case 0x617567: month = 8
        case 0x736570: month = 9
        case 0x6F6374: month = 10
        case 0x6E6F76: month = 11
        case 0x646563: month = 12  // dec
        default: return nil
        }
        guard let y0 = digit(i + 5), let y1 = digit(i + 6), let y2 = digit(i + 7), let y3 = digit(i + 8),
              let h0 = digit(i + 10), let h1 = digit(i + 11), let m0 = digit(i + 13), let m1 = digit(i + 14),
              let s0 = digit(i + 16), let s1 = digit(i + 17) else { return nil }
        let zone = i + 19
        var offset: Int64 = 0
        switch b.count - zone {
        case 5:
            guard b[zone] == 0x2B || b[zone] == 0x2D, let z0 = digit(zone + 1), let z1 = digit(zone + 2),
                  let z2 = digit(zone + 3), let z3 = digit(zone + 4) else { return nil }
            let h = z0 * 10 + z1, m = z2 * 10 + z3
            guard h <= 14, m <= 59 else { return nil }
            offset = (b[zone] == 0x2D ? -1 : 1) * (h * 3600 + m * 60)
        case 3:
            // gmt, utc
            guard (b[zone] == 0x67 && b[zone + 1] == 0x6D && b[zone + 2] == 0x74)
                || (b[zone] == 0x75 && b[zone + 1] == 0x74 && b[zone + 2] == 0x63) else { return nil }
        case 2:
            guard b[zone] == 0x75, b[zone + 1] == 0x74 else { return nil }  // ut
        default:
            return nil
        }
        return compose(y0 * 1000 + y1 * 100 + y2 * 10 + y3, month, day, h0 * 10 + h1, m0 * 10 + m1,
                       s0 * 10 + s1, offset: offset)
    }
}
