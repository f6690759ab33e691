import Foundation

/// Normalises what the seeds show: odd spaces and hyphens, missing spaces after commas. Curly quotes stay.
enum TextNormalizer {
    static func normalizeLine(_ raw: String) -> String {
        if isClean(raw.utf8) { return raw }
        var out = String.UnicodeScalarView()
        var lastWasSpace = true   // drops leading spaces
        var previous: Unicode.Scalar?
        var beforePrevious: Unicode.Scalar?
        for scalar in raw.unicodeScalars {
            var s = scalar
            switch s.value {
            case 0x2011, 0x2010: s = "-"                                    // non-breaking hyphen, hyphen
            case 0x00A0, 0x2007, 0x202F, 0x0009, 0x2002...0x200A: s = " "  // odd spaces, tabs
            case 0x200B, 0x200C, 0x200D, 0xFEFF, 0x00AD: continue          // zero-width, soft hyphen, BOM
            default: break
            }
            if s.value < 0x20 || s.value == 0x7F { continue }               // control characters
            if s == " " {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                // "Angeles,renowned" → "Angeles, renowned" (a letter after a comma that follows a letter)
                if previous == ",", let before = beforePrevious, before.properties.isAlphabetic, s.properties.isAlphabetic {
                    out.append(" ")
                }
                lastWasSpace = false
            }
            out.append(s)
            beforePrevious = previous
            previous = s
        }
        if out.last == " " { out.removeLast() }
        return String(out)
    }

    /// True when the line needs no change: no control bytes, odd spaces or hyphens, doubled or outer spaces,
    /// and no comma directly followed by a letter. Most lines are; they skip the scalar loop.
    static func isClean(_ utf8: String.UTF8View) -> Bool {
        var previous: UInt8 = 0x20
        var index = utf8.startIndex
        var count = 0
        while index != utf8.endIndex {
            let b = utf8[index]
            if b < 0x20 || b == 0x7F { return false }
            if b == 0x20 && (previous == 0x20 || count == 0) { return false }
            if previous == 0x2C && b != 0x20 && !(b >= 0x30 && b <= 0x39) && b != 0x22 { return false }
            if b == 0xC2 || b == 0xE2 || b == 0xEF {
                // NBSP, soft hyphen (C2 A0/AD); U+2000–U+2011 and U+202F (E2 80 ..); BOM (EF BB BF)
                let next = utf8.index(after: index)
                guard next != utf8.endIndex else { return false }
                let b1 = utf8[next]
                if b == 0xC2, b1 == 0xA0 || b1 == 0xAD { return false }
                if b == 0xEF, b1 == 0xBB { return false }
                if b == 0xE2, b1 == 0x80 {
                    let third = utf8.index(after: next)
                    guard third != utf8.endIndex else { return false }
                    let b2 = utf8[third]
                    if b2 <= 0x91 || b2 == 0xAF { return false }
                }
            }
            previous = b
            count += 1
            index = utf8.index(after: index)
        }
        return previous != 0x20 || count == 0
    }

    /// The text without the given characters at either end (Foundation's trimming goes through UTF-16 on Linux).
    static func trim<S: StringProtocol>(_ text: S, _ edge: (Character) -> Bool = { $0 == " " || $0 == "\t" }) -> String {
        guard let first = text.firstIndex(where: { !edge($0) }), let last = text.lastIndex(where: { !edge($0) }) else { return "" }
        return String(text[first...last])
    }
}
