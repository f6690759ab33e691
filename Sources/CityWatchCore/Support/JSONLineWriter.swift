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

    public mutating func number(_ v: Double?) { out += JSONText.number(v) }

    public mutating func string(_ s: String?) { JSONText.append(s, to: &out) }
}
