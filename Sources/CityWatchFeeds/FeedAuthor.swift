import CityWatchSupport
/// Splits RSS author strings ("me@example.com (Me)", "Me <me@example.com>") into name and email.
enum FeedAuthor {
    static func split(_ raw: String) -> (name: String?, email: String?) {
        guard raw.utf8.contains(0x40), let range = emailRange(raw) else { return (cleaned(raw), nil) }
        let email = String(raw[range])
        var rest = raw.replacingCharacters(in: range, with: "")
        for pair in ["()", "<>", "&lt;&gt;"] { rest = rest.replacingOccurrences(of: pair, with: "") }
        rest = TextNormalizer.trimmingWhitespace(rest)
        if rest.hasPrefix("(") { rest.removeFirst() }
        if rest.hasSuffix(")") { rest.removeLast() }
        return (cleaned(rest), email)
    }

    /// The first thing shaped like an email address: local@domain.tld (optionally "mailto:"-less).
    static func emailRange(_ s: String) -> Range<String.Index>? {
        if let ascii = asciiEmailRange(s) { return ascii }
        return characterEmailRange(s)
    }

    /// emailRange character by character, for strings that are not all ASCII.
    static func characterEmailRange(_ s: String) -> Range<String.Index>? {
        guard let at = s.firstIndex(of: "@") else { return nil }
        func isLocal(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || "_-.+".contains(c)) }
        func isDomain(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == ".") }
        var start = at
        while start > s.startIndex, isLocal(s[s.index(before: start)]) { start = s.index(before: start) }
        var end = s.index(after: at)
        while end < s.endIndex, isDomain(s[end]) { end = s.index(after: end) }
        guard start < at, s.index(after: at) < end else { return nil }
        var domain = s[s.index(after: at)..<end]
        while domain.hasSuffix(".") { domain = domain.dropLast(); end = s.index(before: end) }
        guard domain.contains(".") else { return nil }
        return start..<end
    }

    /// emailRange over the bytes of an all-ASCII string, where characters are bytes (CR LF, the one two-byte
    /// character, is neither local, domain nor '@'); .some(nil) when it has no address, nil when not all ASCII.
    static func asciiEmailRange(_ string: String) -> Range<String.Index>?? {
        var s = string
        let found = s.withUTF8 { u -> Range<Int>?? in
            if u.contains(where: { $0 >= 0x80 }) { return nil }
            guard let at = u.firstIndex(of: 0x40) else { return .some(nil) }
            @inline(__always) func alnum(_ c: UInt8) -> Bool { (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39) }
            func isLocal(_ c: UInt8) -> Bool { alnum(c) || c == 0x5F || c == 0x2D || c == 0x2E || c == 0x2B }
            func isDomain(_ c: UInt8) -> Bool { alnum(c) || c == 0x2D || c == 0x2E }
            var start = at
            while start > 0, isLocal(u[start - 1]) { start -= 1 }
            var end = at + 1
            while end < u.count, isDomain(u[end]) { end += 1 }
            guard start < at, at + 1 < end else { return .some(nil) }
            while end > at + 1, u[end - 1] == 0x2E { end -= 1 }
            guard u[(at + 1)..<end].contains(0x2E) else { return .some(nil) }
            return .some(start..<end)
        }
        guard let found else { return nil }
        guard let range = found else { return .some(nil) }
        let utf8 = string.utf8
        return .some(utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound))
    }
}
