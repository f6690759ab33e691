import Foundation

/// Normalises what the seeds show: odd spaces and hyphens, missing spaces after commas. Curly quotes stay.
package enum TextNormalizer {
    package static func normalizeLine(_ raw: String) -> String {
        if isClean(raw.utf8) { return raw }
        // Work on the bytes: every change is to ASCII or to a few known multi-byte spaces and hyphens.
        var bytes = Array(raw.utf8)
        bytes.append(0)   // a sentinel: look-ahead needs no bounds checks
        let n = bytes.count - 1
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var lastWasSpace = true   // drops leading spaces
        var previousStart = -1, beforePreviousStart = -1   // where the last two kept characters start in `out`
        var i = 0
        while i < n {
            let b = bytes[i]
            var length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            if i + length > n { length = n - i }
            var replacement: UInt8?   // an ASCII stand-in, or nil to keep the bytes
            if b < 0x20 || b == 0x7F {
                if b == 0x09 { replacement = 0x20 } else { i += 1; continue }   // tabs are spaces; other controls go
            } else if b == 0xC2, bytes[i + 1] == 0xA0 { replacement = 0x20 }                 // no-break space
            else if b == 0xC2, bytes[i + 1] == 0xAD { i += 2; continue }                     // soft hyphen
            else if b == 0xEF, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { i += 3; continue } // BOM
            else if b == 0xE2, bytes[i + 1] == 0x80 {
                switch bytes[i + 2] {
                case 0x8B, 0x8C, 0x8D: i += 3; continue                                      // zero-width
                case 0x90, 0x91: replacement = 0x2D                                          // hyphen, non-breaking hyphen
                case 0x82...0x8A, 0xAF: replacement = 0x20                                   // odd spaces
                default: break
                }
            }
            let isSpace = replacement == 0x20 || (replacement == nil && b == 0x20)
            if isSpace {
                if lastWasSpace { i += length; continue }
                lastWasSpace = true
            } else {
                // "Angeles,renowned" → "Angeles, renowned" (a letter after a comma that follows a letter)
                if previousStart >= 0, out[previousStart] == 0x2C, beforePreviousStart >= 0,
                   UTF8Scalar.isLetter(UTF8Scalar.decode(in: out, at: beforePreviousStart).0), replacement == nil,
                   UTF8Scalar.isLetter(UTF8Scalar.decode(in: bytes, at: i).0) {
                    out.append(0x20)
                }
                lastWasSpace = false
            }
            beforePreviousStart = previousStart
            previousStart = out.count
            if let replacement { out.append(replacement) } else if length == 1 { out.append(b) } else {
                for k in i..<(i + length) { out.append(bytes[k]) }
            }
            i += length
        }
        if out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when the line needs no change: no control bytes, odd spaces or hyphens, doubled or outer spaces,
    /// and no comma directly followed by a letter. Most lines are; they skip the scalar loop.
    static func isClean(_ utf8: String.UTF8View) -> Bool {
        if let clean = utf8.withContiguousStorageIfAvailable({ isClean($0) }) { return clean }
        return Array(utf8).withUnsafeBufferPointer { isClean($0) }
    }

    static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n > 0 else { return true }
        if bytes[0] == 0x20 || bytes[n - 1] == 0x20 { return false }
        var i = 0
        while i < n {
            let b = bytes[i]
            i += 1
            if b > 0x20 && b < 0x7F && b != 0x2C { continue }   // most bytes: printable ASCII other than a comma
            if b == 0x20 {
                if bytes[i] == 0x20 { return false }   // not the last byte (checked above)
                continue
            }
            if b == 0x2C {
                // "a,b": a comma followed by anything but a space, a digit or a straight quote.
                if i < n, bytes[i] != 0x20, !(bytes[i] >= 0x30 && bytes[i] <= 0x39), bytes[i] != 0x22 { return false }
                continue
            }
            if b < 0x20 || b == 0x7F { return false }
            if b == 0xC2 || b == 0xE2 || b == 0xEF {
                // NBSP, soft hyphen (C2 A0/AD); U+2000–U+2011 and U+202F (E2 80 ..); BOM (EF BB BF)
                guard i < n else { return false }
                let b1 = bytes[i]
                if b == 0xC2, b1 == 0xA0 || b1 == 0xAD { return false }
                if b == 0xEF, b1 == 0xBB { return false }
                if b == 0xE2, b1 == 0x80 {
                    guard i + 1 < n else { return false }
                    let b2 = bytes[i + 1]
                    if b2 <= 0x91 || b2 == 0xAF { return false }
                }
            }
        }
        return true
    }

    /// Trimmed of Unicode white space at both ends: the set Foundation's `.whitespacesAndNewlines` names (Z*, tab
    /// to CR, NEL), scalar by scalar, without bridging through NSString.
    package static func trimmingWhitespace(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    /// The text without the given characters at either end (Foundation's trimming goes through UTF-16 on Linux).
    package static func trim<S: StringProtocol>(_ text: S, _ edge: (Character) -> Bool = { $0 == " " || $0 == "\t" }) -> String {
        guard let first = text.firstIndex(where: { !edge($0) }), let last = text.lastIndex(where: { !edge($0) }) else { return "" }
        return String(text[first...last])
    }
}
