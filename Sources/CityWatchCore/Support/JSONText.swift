import Foundation

/// JSON text pieces for hand-ordered lines.
public enum JSONText {
    public static func string(_ value: String?) -> String {
        guard let value else { return "null" }
        // Most text needs no escaping: check the bytes once instead of rebuilding scalar by scalar.
        if !needsEscaping(value) { return "\"" + value + "\"" }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// Control characters, quote, backslash, or U+2028/U+2029 (E2 80 A8/A9), which JavaScript readers choke on.
    static func needsEscaping(_ value: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for b in value.utf8 {
            if b < 0x20 || b == 0x22 || b == 0x5C { return true }
            if (b == 0xA8 || b == 0xA9) && previous == (0xE2, 0x80) { return true }
            previous = (previous.1, b)
        }
        return false
    }

    /// Appends a JSON string (or null) to a buffer.
    public static func append(_ value: String?, to out: inout String) {
        guard let value else { out += "null"; return }
        if !needsEscaping(value) {
            out += "\""; out += value; out += "\""
        } else {
            out += string(value)
        }
    }

    /// Whole numbers without ".0"; others in the shortest form that reads back the same.
    public static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 9.0e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
