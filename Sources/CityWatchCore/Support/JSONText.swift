import Foundation

/// JSON text pieces for hand-ordered lines.
public enum JSONText {
    public static func string(_ value: String?) -> String {
        guard let value else { return "null" }
        // Most text needs no escaping: check the bytes once instead of rebuilding scalar by scalar.
        if !needsEscaping(value) { return "\"" + value + "\"" }
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 16)
        var copy = value
        copy.withUTF8 { escape($0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends UTF-8 text as a quoted JSON string: runs of plain bytes copied whole; quote, backslash and control
    /// characters escaped, and U+2028/U+2029 (E2 80 A8/A9) too, which JavaScript readers choke on.
    static func escape(_ u: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(0x22)
        var runStart = 0
        var i = 0
        while i < u.count {
            let c = u[i]
            let separator = c == 0xE2 && i + 2 < u.count && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9)
            if c >= 0x20 && c != 0x22 && c != 0x5C && !separator { i += 1; continue }
            if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<i])) }
            switch c {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(0x6E)
            case 0x0D: out.append(0x5C); out.append(0x72)
            case 0x09: out.append(0x5C); out.append(0x74)
            case 0xE2:
                out.append(contentsOf: [0x5C, 0x75, 0x32, 0x30, 0x32, u[i + 2] == 0xA8 ? 0x38 : 0x39]); i += 2
            default:
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30])
                out.append(hex[Int(c >> 4)]); out.append(hex[Int(c & 15)])
            }
            i += 1
            runStart = i
        }
        if u.count > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<u.count])) }
        out.append(0x22)
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
