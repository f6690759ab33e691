import Foundation

/// Normalises what the seeds show: odd spaces and hyphens, missing spaces after commas. Curly quotes stay.
enum TextNormalizer {
    static func normalizeLine(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        var previous: Unicode.Scalar?
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
                if previous == ",", let before = out.dropLast().last, isLetter(before), isLetter(s) {
                    out.append(" ")
                }
                lastWasSpace = false
            }
            out.append(s)
            previous = s
        }
        return String(out).trimmingCharacters(in: .whitespaces)
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic
    }
}
