/// Splits RSS author strings ("me@example.com (Me)", "Me <me@example.com>") into name and email.
enum FeedAuthor {
    static func split(_ raw: String) -> (name: String?, email: String?) {
        guard raw.utf8.contains(0x40), let range = emailRange(raw) else { return (cleaned(raw), nil) }
        let email = String(raw[range])
        var rest = raw.replacingCharacters(in: range, with: "")
        for pair in ["()", "<>", "&lt;&gt;"] { rest = rest.replacingOccurrences(of: pair, with: "") }
        rest = trimmingWhitespace(rest)
        if rest.hasPrefix("(") { rest.removeFirst() }
        if rest.hasSuffix(")") { rest.removeLast() }
        return (cleaned(rest), email)
    }

    /// The first thing shaped like an email address: local@domain.tld (optionally "mailto:"-less).
    static func emailRange(_ s: String) -> Range<String.Index>? {
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
}
