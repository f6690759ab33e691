/// Text from feeds and pages made safe for a journal line or a terminal cell: every control character is
/// written as a visible escape, so a hostile title can neither start a forged `<3>` journal record on a new
/// line, nor move the cursor, recolour or retitle a terminal, nor reorder what follows with bidi controls.
package enum TerminalText {
    /// C0 controls, DEL, C1 controls, the Unicode line and paragraph separators and the bidi controls, as
    /// `\n`, `\r`, `\t`, `\x1B`, `\u{202E}`; everything else unchanged.
    package static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else { out.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += scalar.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{" + hex + "}"
            }
        }
        return out
    }

    /// One journal record: the text escaped, then exactly one newline.
    package static func line(_ text: String) -> String {
        var body = Substring(text)
        while body.hasSuffix("\n") { body = body.dropLast() }
        return escape(String(body)) + "\n"
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        if v < 0x061C { return false }
        switch v {
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

/// Bounds on what one document can put into the knowledge, the log, the journal and a webhook.
package enum TextLimit {
    /// An evidence sentence or table row is at most this many characters (a long one is cut with "…").
    package static let evidence = 600

    /// `text` cut to `limit` characters at a word boundary when one is near, with "…" added.
    package static func clip(_ text: String, to limit: Int = evidence) -> String {
        guard text.utf8.count > limit, text.count > limit else { return text }
        var cut = text.prefix(limit - 1)
        if let space = cut.lastIndex(of: " "), cut.distance(from: space, to: cut.endIndex) < 40 {
            cut = cut[..<space]
        }
        return cut + "…"
    }
}
