import Foundation

/// JSON text pieces for hand-ordered lines.
public enum JSONText {
    public static func string(_ value: String?) -> String {
        guard let value else { return "null" }
        // Most text needs no escaping: check the bytes once instead of rebuilding scalar by scalar.
        if !needsEscaping(value) { return "\"" + value + "\"" }
        // Escape at the byte level: every byte to escape is ASCII, except U+2028/2029 (E2 80 A8/A9).
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [0x22]
        out.reserveCapacity(value.utf8.count + 16)
        var utf8 = Array(value.utf8)
        utf8.append(0)   // a sentinel so the look-ahead below needs no bounds check
        var i = 0
        while i < utf8.count - 1 {
            let b = utf8[i]
            switch b {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(0x6E)
            case 0x0D: out.append(0x5C); out.append(0x72)
            case 0x09: out.append(0x5C); out.append(0x74)
            case 0xE2 where utf8[i + 1] == 0x80 && i + 2 < utf8.count - 1 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                out += Array("\\u202".utf8); out.append(utf8[i + 2] == 0xA8 ? 0x38 : 0x39); i += 2
            default:
                if b < 0x20 { out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]] } else { out.append(b) }
            }
            i += 1
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
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
