/// A reader for the common shape of a JSONL input line: one object whose members are strings, numbers, booleans
/// or null. It returns the string members, or nil for anything else (nesting, duplicate keys, bad escapes or
/// UTF-8, trailing data), which the caller then hands to Foundation's full parser; Foundation's took a
/// twentieth of `extract --jsonl` on its own.
package enum FlatJSONObject {
    package static func strings(_ data: some Collection<UInt8>) -> [String: String]? {
        let result: [String: String]?? = data.withContiguousStorageIfAvailable { read($0) }
        if let result { return result }
        return Array(data).withUnsafeBufferPointer { read($0) }
    }

    static func read(_ b: UnsafeBufferPointer<UInt8>) -> [String: String]? {
        var i = 0
        let n = b.count
        func skipBlanks() { while i < n, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 } }
        skipBlanks()
        guard i < n, b[i] == 0x7B else { return nil }
        i += 1
        var out: [String: String] = [:]
        var keys: Set<String> = []
        skipBlanks()
        if i < n, b[i] == 0x7D {
            i += 1
        } else {
            while true {
                skipBlanks()
                guard i < n, b[i] == 0x22, let key = string(b, &i), keys.insert(key).inserted else { return nil }
                skipBlanks()
                guard i < n, b[i] == 0x3A else { return nil }
                i += 1
                skipBlanks()
                guard i < n else { return nil }
                if b[i] == 0x22 {
                    guard let value = string(b, &i) else { return nil }
                    out[key] = value
                } else if !scalar(b, &i) {
                    return nil
                }
                skipBlanks()
                guard i < n else { return nil }
                if b[i] == 0x2C { i += 1; continue }
                if b[i] == 0x7D { i += 1; break }
                return nil
            }
        }
        skipBlanks()
        return i == n ? out : nil
    }

    /// A string starting at the quote at `i`; `i` ends after the closing quote.
    static func string(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> String? {
        let n = b.count
        i += 1
        let start = i
        while i < n, b[i] != 0x22, b[i] != 0x5C, b[i] >= 0x20 { i += 1 }
        guard i < n else { return nil }
        if b[i] == 0x22 {   // no escapes: the bytes themselves, if they are UTF-8
            let s = String(validating: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            i += 1
            return s
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(n - start)
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
        while i < n {
            // A run of plain bytes in one copy, then the escape or the closing quote.
            let run = i
            while i < n, b[i] != 0x22, b[i] != 0x5C, b[i] >= 0x20 { i += 1 }
            if i > run { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i])) }
            guard i < n else { return nil }
            let c = b[i]
            if c == 0x22 { i += 1; return String(validating: bytes, as: UTF8.self) }
            if c < 0x20 { return nil }
            guard i + 1 < n else { return nil }
            let e = b[i + 1]
            i += 2
            switch e {
            case 0x22, 0x5C, 0x2F: bytes.append(e)
            case 0x62: bytes.append(0x08)
            case 0x66: bytes.append(0x0C)
            case 0x6E: bytes.append(0x0A)
            case 0x72: bytes.append(0x0D)
            case 0x74: bytes.append(0x09)
            case 0x75:
                guard var u = hex4(b, i) else { return nil }
                i += 4
                if (0xD800..<0xDC00).contains(u) {   // a surrogate pair, or nothing
                    guard i + 6 <= n, b[i] == 0x5C, b[i + 1] == 0x75, let low = hex4(b, i + 2),
                          (0xDC00..<0xE000).contains(low) else { return nil }
                    u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if (0xDC00..<0xE000).contains(u) {
                    return nil
                }
                guard let scalar = Unicode.Scalar(u) else { return nil }
                bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: return nil
            }
        }
        return nil
    }

    static func hex4(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32? {
        guard at + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in at..<(at + 4) {
            let c = b[k]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    /// A number, true, false or null: skipped over (the caller needs strings only); false when it is none of them.
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        let n = b.count
        for word in ["true", "false", "null"] {
            let w = Array(word.utf8)
            if i + w.count <= n, Array(b[i..<(i + w.count)]) == w { i += w.count; return true }
        }
        // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        let start = i
        if i < n, b[i] == 0x2D { i += 1 }
        func digits() -> Int { let s = i; while i < n, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }; return i - s }
        let whole = i
        let wholeDigits = digits()
        guard wholeDigits > 0 else { i = start; return false }
        if b[whole] == 0x30, i - whole > 1 { return false }
        if i < n, b[i] == 0x2E { i += 1; guard digits() > 0 else { return false } }
        var exponent = false
        if i < n, b[i] == 0x65 || b[i] == 0x45 {
            exponent = true
            i += 1
            if i < n, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            guard digits() > 0 else { return false }
        }
        // Foundation refuses a number beyond Double's range ("1e400"): so does this reader, or the two paths
        // would disagree on a line (found by the flatjson fuzz target). Only an exponent or 309 digits get there.
        if exponent || wholeDigits > 308 {
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            guard let value = Double(text), value.isFinite else { return false }
        }
        return true
    }
}
