import Foundation

/// A minimal streaming JSON writer: objects, arrays, strings, numbers (whole numbers without a fraction).
public struct JSONLineWriter {
    public init() {}

    public private(set) var out = ""
    private var first = [true]

    public mutating func separate() {
        if first[first.count - 1] { first[first.count - 1] = false } else { out += "," }
    }
    public mutating func open() { out += "{"; first.append(true) }
    public mutating func close() { out += "}"; first.removeLast() }
    public mutating func key(_ k: String) { separate(); out += "\"" + k + "\":" }
    public mutating func raw(_ s: String) { out += s }

    public mutating func array<T>(_ items: [T], _ body: (inout JSONLineWriter, T) -> Void) {
        out += "["
        first.append(true)
        for item in items { separate(); body(&self, item) }
        first.removeLast()
        out += "]"
    }

    public mutating func number(_ v: Double?) {
        guard let v, v.isFinite else { out += "null"; return }
        if v == v.rounded(), abs(v) < 1e15 { out += String(Int64(v)) } else { out += "\(v)" }
    }

    public mutating func string(_ s: String?) {
        guard let s else { out += "null"; return }
        out += "\""
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { out += s; out += "\""; return }
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        out += "\""
    }
}
