/// Whitespace and odd-character clean-up of HTML text, on UTF-8 bytes. It follows `TextNormalizer` (odd spaces
/// and hyphens, zero-width characters, a space after a comma between letters) but treats line breaks as
/// spaces, as HTML does, and avoids Foundation's string calls, which dominated the profile.
enum HTMLText {
    static func normalize(_ string: String) -> String {
        var s = string
        return s.withUTF8 { normalize($0) }
    }

    static func normalize(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { normalize($0) }
    }

    static func normalize(_ input: UnsafeBufferPointer<UInt8>) -> String {
        guard !input.isEmpty else { return "" }
        // Written straight into the String's storage: a space is only added for a comma (at most one per two
        // input bytes) or for a run of spaces it replaces, so n + n/2 bytes always suffice.
        return String(unsafeUninitializedCapacity: input.count + input.count / 2 + 4) { out in
            normalize(input, into: out)
        }
    }

    private static func normalize(_ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var m = 0
        var pendingSpace = false
        var i = 0
        let n = input.count
        func emit(_ b: UInt8) {
            if pendingSpace {
                if m > 0 { out[m] = 0x20; m += 1 }
                pendingSpace = false
            } else if b != 0x20, m >= 2, out[m - 1] == 0x2C, isLetter(out[m - 2]), isLetter(b) {
                out[m] = 0x20   // "Angeles,renowned" → "Angeles, renowned"
                m += 1
            }
            out[m] = b
            m += 1
        }
        while i < n {
            let b = input[i]
            if b < 0x80 {
                if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C { pendingSpace = true }
                else if b >= 0x20 && b != 0x7F { emit(b) }
                i += 1
                continue
            }
            // Multi-byte sequences: spot the few characters that are rewritten.
            if b == 0xC2, i + 1 < n {
                let c = input[i + 1]
                if c == 0xA0 { pendingSpace = true; i += 2; continue }          // no-break space
                if c == 0xAD { i += 2; continue }                              // soft hyphen
            } else if b == 0xE2, i + 2 < n, input[i + 1] == 0x80 {
                let c = input[i + 2]
                switch c {
                case 0x82...0x8A, 0xAF: pendingSpace = true; i += 3; continue  // en/em/thin/narrow spaces
                case 0x8B, 0x8C, 0x8D: i += 3; continue                         // zero-width characters
                case 0x90, 0x91: emit(UInt8(ascii: "-")); i += 3; continue     // hyphen, non-breaking hyphen
                default: break
                }
            } else if b == 0xEF, i + 2 < n, input[i + 1] == 0xBB, input[i + 2] == 0xBF {
                i += 3; continue                                               // BOM / zero-width no-break space
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            emit(b)
            var k = 1
            while k < length, i + k < n { out[m] = input[i + k]; m += 1; k += 1 }
            i += length
        }
        return m
    }

    /// ASCII letters, and any non-ASCII byte (lead or continuation) as a stand-in for letters of other scripts.
    private static func isLetter(_ b: UInt8) -> Bool {
        (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b >= 0x80
    }
}
