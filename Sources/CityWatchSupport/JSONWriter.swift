/// The one JSON writer: hand-ordered keys over UTF-8 bytes, strings escaped per RFC 8259 (and U+2028/U+2029).
///
/// Two styles mix freely: `raw` pieces with the keys spelled out (the feed lines, the fastest), or `open`/`key`/
/// `array`/`close`, which place the commas.
package struct JSONWriter {
    package private(set) var bytes: [UInt8] = []
    /// Per open object or array: whether the next member is its first (no comma before it).
    private var first: [Bool] = [true]

    package init() { bytes.reserveCapacity(4096) }

    /// The text written so far.
    package var string: String { String(decoding: bytes, as: UTF8.self) }

    package mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    package mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    package mutating func newline() { bytes.append(0x0A) }

    /// Plain text, unescaped.
    package mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    // MARK: structure

    /// A comma unless this is the first member of the object or array being written.
    package mutating func separate() {
        if first[first.count - 1] { first[first.count - 1] = false } else { bytes.append(0x2C) }
    }
    package mutating func open() { bytes.append(0x7B); first.append(true) }
    package mutating func close() { bytes.append(0x7D); first.removeLast() }
    /// A member's key (plain ASCII, written as given) and its colon.
    package mutating func key(_ k: StaticString) { separate(); bytes.append(0x22); raw(k); bytes.append(0x22); bytes.append(0x3A) }

    package mutating func array<T>(_ items: [T], _ body: (inout JSONWriter, T) -> Void) {
        bytes.append(0x5B)
        first.append(true)
        for item in items { separate(); body(&self, item) }
        first.removeLast()
        bytes.append(0x5D)
    }

    // MARK: values

    /// A JSON string; null for nil ("" stays "").
    package mutating func string(_ s: String?) {
        guard var s else { raw("null"); return }
        s.withUTF8 { escape($0) }
    }

    /// A JSON string, or null for nil and "" (the parsed feed's rule: empty strings are null).
    package mutating func nonEmptyString(_ s: String?) {
        guard let s, !s.isEmpty else { raw("null"); return }
        string(s)
    }

    package mutating func bool(_ v: Bool) { v ? raw("true") : raw("false") }

    package mutating func int(_ v: Int) { append(String(v)) }

    package mutating func number(_ v: Double?) { append(Self.number(v)) }

    /// Whole numbers without ".0"; others in the shortest form that reads back the same; null for nil and non-finite.
    package static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 9.0e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// One JSON value as text: `body` writes it.
    package static func text(_ body: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter()
        body(&w)
        return w.string
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends UTF-8 text as a quoted JSON string: runs of plain bytes copied whole; quote, backslash and control
    /// characters escaped, and U+2028/U+2029 (E2 80 A8/A9) too, which JavaScript readers choke on.
    private mutating func escape(_ u: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var runStart = 0
        var i = 0
        while i < u.count {
            let c = u[i]
            let separator = c == 0xE2 && i + 2 < u.count && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9)
            if c >= 0x20 && c != 0x22 && c != 0x5C && !separator { i += 1; continue }
            if i > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<i])) }
            switch c {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            case 0xE2:
                bytes.append(contentsOf: [0x5C, 0x75, 0x32, 0x30, 0x32, u[i + 2] == 0xA8 ? 0x38 : 0x39]); i += 2
            default:
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30])
                bytes.append(Self.hex[Int(c >> 4)]); bytes.append(Self.hex[Int(c & 15)])
            }
            i += 1
            runStart = i
        }
        if u.count > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<u.count])) }
        bytes.append(0x22)
    }
}
