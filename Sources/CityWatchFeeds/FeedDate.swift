import CityWatchSupport
/// Parses the dates feeds really carry (RFC 822 and its odd forms, RFC 3339 / ISO 8601 / W3C-DTF, asctime)
/// into ISO 8601 UTC to the second. A date it cannot read gives nil, never an error.
package enum FeedDate {
    /// "Thu, 01 Jan 04 19:48:21 EST" → "2004-01-02T00:48:21Z"; nil when unreadable.
    package static func iso8601(_ text: String) -> String? {
        guard let seconds = epochSeconds(text) else { return nil }
        return UTCTime.string(epochSeconds: seconds)
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    package static func epochSeconds(_ text: String) -> Int64? {
        var bytes = Array(text.utf8)
        // Trim, lower-case ASCII letters.
        for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D { bytes.removeLast() }
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0A || bytes[start] == 0x0D { start += 1 }
        if start > 0 { bytes.removeFirst(start) }
        guard !bytes.isEmpty else { return nil }
        if bytes[0] >= 0x30 && bytes[0] <= 0x39, let v = parseISO(bytes) { return v }
        return parseRFC822(bytes)
    }

    static func compose(_ y: Int64, _ mo: Int64, _ d: Int64, _ h: Int64, _ mi: Int64, _ s: Int64, offset: Int64) -> Int64? {
        guard mo >= 1, mo <= 12, d >= 1, d <= UTCTime.daysInMonth(y, mo), h >= 0, h <= 24, mi >= 0, mi <= 59, s >= 0, s <= 60 else { return nil }
        if h == 24 && (mi > 0 || s > 0) { return nil }
        return UTCTime.days(year: y, month: mo, day: d) * 86_400 + h * 3600 + mi * 60 + s - offset
    }

    // MARK: ISO 8601 / RFC 3339 / W3C-DTF

    static func parseISO(_ b: [UInt8]) -> Int64? {
        var i = 0
        func digits(_ count: Int) -> Int64? {
            guard i + count <= b.count else { return nil }
            var v: Int64 = 0
            for k in 0..<count {
                let c = b[i + k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int64(c - 0x30)
            }
            i += count
            return v
        }
        func runLength() -> Int { var k = i; while k < b.count, b[k] >= 0x30 && b[k] <= 0x39 { k += 1 }; return k - i }
        guard runLength() == 4 || runLength() == 8, let year = digits(4) else { return nil }
        var month: Int64 = 1, day: Int64 = 1
        if i < b.count, b[i] == 0x2D {
            i += 1
            let n = runLength()
            guard n == 2 || n == 1 || n == 3, let m = digits(n) else { return nil }
            month = m
            if i < b.count, b[i] == 0x2D {
                i += 1
                let n = runLength()
                guard n == 2 || n == 1, let d = digits(n) else { return nil }
                day = d
            }
        } else if i < b.count, let m = digits(2), let d = digits(2) {
            month = m; day = d
        }
        var hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0, offset: Int64 = 0
        if i < b.count {
            guard b[i] == 0x74 || b[i] == 0x20 else { return nil }
            i += 1
            while i < b.count, b[i] == 0x20 { i += 1 }
            let n = runLength()
            guard n == 1 || n == 2, let h = digits(n) else { return nil }
            hour = h
            guard i < b.count, b[i] == 0x3A else { return nil }
            i += 1
            guard let mi = digits(2) else { return nil }
            minute = mi
            if i < b.count, b[i] == 0x3A {
                i += 1
                guard let s = digits(2) else { return nil }
                second = s
                if i < b.count, b[i] == 0x2E || b[i] == 0x2C {
                    i += 1
                    let n = runLength()
                    guard n > 0 else { return nil }
                    i += n
                }
            }
            while i < b.count, b[i] == 0x20 { i += 1 }
            if i < b.count {
                guard let z = parseNumericZone(b, &i) ?? parseNamedZone(b, &i) else { return nil }
                offset = z
            }
            guard i == b.count else { return nil }
        } else {
            guard i == b.count else { return nil }
        }
        return compose(year, month, day, hour, minute, second, offset: offset)
    }

    /// "z", "+hh:mm", "-hhmm", "+hh"; advances `i`.
    static func parseNumericZone(_ b: [UInt8], _ i: inout Int) -> Int64? {
        guard i < b.count else { return nil }
        if b[i] == 0x7A && i + 1 == b.count { i += 1; return 0 }
        guard b[i] == 0x2B || b[i] == 0x2D else { return nil }
        let sign: Int64 = b[i] == 0x2D ? -1 : 1
        var k = i + 1
        var nums: [Int64] = []
        var cur: Int64 = 0, len = 0
        while k < b.count {
            let c = b[k]
            if c >= 0x30 && c <= 0x39 { cur = cur * 10 + Int64(c - 0x30); len += 1 } else if c == 0x3A && len > 0 {
                nums.append(cur); cur = 0; len = 0
            } else { break }
            k += 1
        }
        guard len > 0 else { return nil }
        var h: Int64, m: Int64 = 0
        if nums.isEmpty {
            if len == 4 { h = cur / 100; m = cur % 100 } else if len <= 2 { h = cur } else { return nil }
        } else {
            guard nums.count == 1, len == 2 else { return nil }
            h = nums[0]; m = cur
        }
        guard h <= 14, m <= 59 else { return nil }
        i = k
        return sign * (h * 3600 + m * 60)
    }

    static let zoneHours: [String: Int64] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "etc/gmt": 0, "etc/utc": 0, "wet": 0,
        "adt": -3, "ast": -4, "at": -4, "edt": -4, "est": -5, "et": -5, "cdt": -5, "cst": -6, "ct": -6,
        "mdt": -6, "mst": -7, "mt": -7, "pdt": -7, "pst": -8, "pt": -8, "akdt": -8, "akst": -9, "hst": -10,
        "bst": 1, "cet": 1, "met": 1, "west": 1, "cest": 2, "mest": 2, "eet": 2, "eest": 3, "msk": 3,
        "jst": 9, "kst": 9, "aest": 10, "aedt": 11, "nzst": 12, "nzdt": 13,
        "a": -1, "n": 1, "m": -12, "y": 12,
    ]

    /// A zone name, optionally followed by a numeric offset ("gmt-01:01"); advances `i`.
    static func parseNamedZone(_ b: [UInt8], _ i: inout Int) -> Int64? {
        var k = i
        while k < b.count, (b[k] >= 0x61 && b[k] <= 0x7A) || b[k] == 0x2F { k += 1 }
        guard k > i else { return nil }
        let name = String(decoding: b[i..<k], as: UTF8.self)
        var offset = zoneHours[name].map { $0 * 3600 } ?? 0
        i = k
        if i < b.count, let extra = parseNumericZone(b, &i) { offset += extra }
        return offset
    }
}
