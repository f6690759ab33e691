import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds a feed's character encoding (HTTP charset, BOM, byte pattern, XML declaration) and turns the
/// bytes into UTF-8, so libxml2 only ever sees one encoding.
enum FeedEncoding {
    struct Decoded {
        /// UTF-8 bytes; nil when the input was already valid UTF-8 and can be used as is.
        var utf8: [UInt8]?
        /// The encoding the document was read with, lower-cased ("utf-8", "windows-1252", …).
        var name: String
        /// What was wrong with the encoding, if anything.
        var problem: String?
        /// False only when the bytes were scanned and hold no C0 control characters other than tab, LF, CR.
        var mayHaveControls = true
    }

    /// Decides the encoding and transcodes. RFC 3023: the HTTP charset wins over the XML declaration.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, httpCharset: String?) -> Decoded {
        let bom = FeedEncoding.bom(bytes)
        let declared = declaredEncoding(bytes, skip: bom?.length ?? 0)
        var candidates: [String] = []
        if let http = httpCharset.map(canonical), !http.isEmpty { candidates.append(http) }
        if let bom { candidates.append(bom.name) }
        if bom == nil, let sniffed = sniffUnicode(bytes) { candidates.append(sniffed) }
        if let declared {
            let name = canonical(declared)
            // A UTF-16/32 declaration in a document with single-byte markup is a lie libxml2 would choke on.
            if !(name.hasPrefix("utf-16") || name.hasPrefix("utf-32")) || candidates.contains(where: { $0.hasPrefix(name.prefix(6)) }) {
                candidates.append(name)
            }
        }
        var problem: String?
        for name in candidates {
            if name == "us-ascii" {
                // RFC 3023's default for text/*: right only when the bytes are ASCII; otherwise try the next guess.
                if bytes.allSatisfy({ $0 < 0x80 }) {
                    let controls = bytes.contains { (b: UInt8) -> Bool in b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D }
                    return Decoded(utf8: nil, name: "us-ascii", problem: problem, mayHaveControls: controls)
                }
                problem = (problem.map { $0 + "; " } ?? "") + "document labelled us-ascii contains non-ASCII bytes"
                continue
            }
            if name == "utf-8" {
                let skip = bom?.name == "utf-8" ? 3 : 0
                var controls = false
                if isValidUTF8(bytes, from: skip, controls: &controls) {
                    return Decoded(utf8: skip > 0 ? Array(bytes[skip...]) : nil, name: "utf-8", problem: problem,
                                   mayHaveControls: controls)
                }
                if candidates.last != name && candidates.contains(where: { $0 != "utf-8" && $0 != "us-ascii" }) {
                    problem = (problem.map { $0 + "; " } ?? "") + "document labelled utf-8 is not valid utf-8"
                    continue
                }
                // Windows-1252 bytes in a UTF-8 document: keep the UTF-8, read the stray bytes as cp1252.
                return Decoded(utf8: repairMixedUTF8(bytes, from: skip), name: "utf-8",
                               problem: (problem.map { $0 + "; " } ?? "") + "document declared as utf-8 contains bytes that are not utf-8 (read as windows-1252)")
            }
            if name == "iso-8859-1" || name == "latin-1" || name == "windows-1252" {
                // Latin-1 declared documents are, in practice, Windows-1252 (C1 controls never mean anything).
                return Decoded(utf8: cp1252ToUTF8(bytes, from: 0), name: name, problem: problem)
            }
            let skip = bom.map { name == $0.name ? $0.length : 0 } ?? 0
            if let converted = iconvToUTF8(bytes, from: skip, charset: name) {
                return Decoded(utf8: converted, name: name, problem: problem)
            }
            problem = (problem.map { $0 + "; " } ?? "") + "cannot decode the document as \(name)"
        }
        var controls = false
        if isValidUTF8(bytes, from: 0, controls: &controls) {
            return Decoded(utf8: nil, name: "utf-8", problem: problem, mayHaveControls: controls)
        }
        if candidates.isEmpty, let guess = FeedCharsetGuess.guess(bytes) {
            return Decoded(utf8: guess.utf8, name: guess.name,
                           problem: "no encoding declared and not utf-8; read as \(guess.name), guessed from the text")
        }
        return Decoded(utf8: repairMixedUTF8(bytes, from: 0), name: "windows-1252",
                       problem: (problem.map { $0 + "; " } ?? "") + "no usable encoding; bytes that are not utf-8 read as windows-1252")
    }

    static func canonical(_ raw: String) -> String {
        // Trimmed of what `.whitespaces` holds (tab and the Zs spaces) scalar by scalar, without NSString bridging.
        let scalars = raw.unicodeScalars
        func blank(_ s: Unicode.Scalar) -> Bool { s == "\t" || s.properties.generalCategory == .spaceSeparator }
        var name = ""
        if let first = scalars.firstIndex(where: { !blank($0) }), let last = scalars.lastIndex(where: { !blank($0) }) {
            name = String(scalars[first...last]).lowercased()
        }
        switch name {
        case "utf8", "unicode-1-1-utf-8": return "utf-8"
        case "ascii", "us-ascii", "ansi_x3.4-1968": return "us-ascii"
        case "latin1", "latin-1", "iso8859-1", "iso_8859-1", "iso-8859-1", "l1", "8859-1": return "iso-8859-1"
        case "cp1252", "windows1252", "x-cp1252": return "windows-1252"
        case "utf16", "utf-16", "unicode": return "utf-16"
        case "utf32", "ucs-4": return "utf-32"
        case "gb2312", "gbk", "x-gbk", "euc-cn": return "gb18030"
        case "shift-jis", "sjis", "x-sjis", "ms_kanji": return "shift_jis"
        case "tis-620", "tis620": return "tis-620"
        default: return name
        }
    }

    static func bom(_ b: UnsafeBufferPointer<UInt8>) -> (name: String, length: Int)? {
        if b.count >= 4, b[0] == 0, b[1] == 0, b[2] == 0xFE, b[3] == 0xFF { return ("utf-32be", 4) }
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xFE, b[2] == 0, b[3] == 0 { return ("utf-32le", 4) }
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return ("utf-8", 3) }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return ("utf-16be", 2) }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return ("utf-16le", 2) }
        return nil
    }

    /// UTF-16/32 without a BOM, recognised by the zero bytes around the first `<`.
    static func sniffUnicode(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        guard b.count >= 4 else { return nil }
        switch (b[0], b[1], b[2], b[3]) {
        case (0, 0, 0, 0x3C): return "utf-32be"
        case (0x3C, 0, 0, 0): return "utf-32le"
        case (0, 0x3C, 0, _): return "utf-16be"
        case (0x3C, 0, _, 0): return "utf-16le"
        default: return nil
        }
    }

    /// The `encoding="…"` of an ASCII-compatible XML declaration.
    static func declaredEncoding(_ b: UnsafeBufferPointer<UInt8>, skip: Int) -> String? {
        var i = skip
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        guard i + 5 < b.count, b[i] == 0x3C, b[i + 1] == 0x3F, b[i + 2] | 0x20 == 0x78, b[i + 3] | 0x20 == 0x6D,
              b[i + 4] | 0x20 == 0x6C else { return nil }
        let end = min(b.count, i + 200)
        var j = i + 5
        while j + 8 < end {
            if b[j] == 0x3F && b[j + 1] == 0x3E { return nil }
            if b[j] == 0x65, b[j + 1] == 0x6E, b[j + 2] == 0x63, b[j + 3] == 0x6F, b[j + 4] == 0x64, b[j + 5] == 0x69,
               b[j + 6] == 0x6E, b[j + 7] == 0x67 {
                var k = j + 8
                while k < end, b[k] == 0x20 || b[k] == 0x3D || b[k] == 0x09 { k += 1 }
                guard k < end, b[k] == 0x22 || b[k] == 0x27 else { return nil }
                let quote = b[k]
                var e = k + 1
                while e < end, b[e] != quote { e += 1 }
                guard e < end, e > k + 1 else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: b[(k + 1)..<e]), as: UTF8.self)
            }
            j += 1
        }
        return nil
    }

    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var controls = false
        return isValidUTF8(b, from: start, controls: &controls)
    }

    /// Also notes whether a C0 control character other than tab, LF and CR occurs.
    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>, from start: Int, controls: inout Bool) -> Bool {
        var i = start
        let n = b.count
        let raw = UnsafeRawPointer(b.baseAddress)
        while i < n {
            // Eight ASCII bytes at a time; a word with a byte below 0x20 (mostly LF) is checked byte by byte.
            if let raw, i + 8 <= n {
                let v = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if v & 0x8080_8080_8080_8080 == 0 {
                    if !controls && disallowedControl(v) { controls = true }
                    i += 8
                    continue
                }
            }
            let c = b[i]
            if c < 0x80 {
                if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D { controls = true }
                i += 1
                continue
            }
            let len = utf8SequenceLength(b, at: i)
            if len == 0 { return false }
            i += len
        }
        return true
    }

    /// Whether eight ASCII bytes hold a control character other than tab, LF and CR (exact per byte: no byte is
    /// at or over 0x80, so no borrow crosses a byte).
    @inline(__always)
    static func disallowedControl(_ v: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        let below20 = ~((v | high) &- 0x2020_2020_2020_2020) & high
        if below20 == 0 { return false }
        @inline(__always) func equal(_ byte: UInt64) -> UInt64 { ~(((v ^ (byte &* ones)) | high) &- ones) & high }
        return below20 & ~(equal(0x09) | equal(0x0A) | equal(0x0D)) != 0
    }

    /// Length of a well-formed UTF-8 sequence at `i`, or 0.
    @inline(__always)
    static func utf8SequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let c = b[i], n = b.count
        @inline(__always) func cont(_ k: Int) -> Bool { k < n && b[k] & 0xC0 == 0x80 }
        if c >= 0xC2 && c <= 0xDF { return cont(i + 1) ? 2 : 0 }
        if c >= 0xE0 && c <= 0xEF {
            guard cont(i + 1), cont(i + 2) else { return 0 }
            if c == 0xE0 && b[i + 1] < 0xA0 { return 0 }
            if c == 0xED && b[i + 1] >= 0xA0 { return 0 }
            return 3
        }
        if c >= 0xF0 && c <= 0xF4 {
            guard cont(i + 1), cont(i + 2), cont(i + 3) else { return 0 }
            if c == 0xF0 && b[i + 1] < 0x90 { return 0 }
            if c == 0xF4 && b[i + 1] >= 0x90 { return 0 }
            return 4
        }
        return 0
    }
}
