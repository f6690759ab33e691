/// One Unicode scalar read at a byte offset of UTF-8 text, for the byte loops of the text code (`TextNormalizer`,
/// `Tokenizer`). Inlinable: these run per byte, and their callers sit in other modules.
package enum UTF8Scalar {
    /// The scalar at byte `i` of UTF-8 `bytes` and its length in bytes (invalid bytes read as U+FFFD, one byte).
    @inlinable @inline(__always)
    package static func decode(in bytes: [UInt8], at i: Int) -> (Unicode.Scalar, Int) {
        bytes.withUnsafeBufferPointer { decode(in: $0, at: i) }
    }

    @inlinable @inline(__always)
    package static func decode(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        var length = 0, value: UInt32 = 0
        if b0 & 0xE0 == 0xC0 { length = 2; value = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { length = 3; value = UInt32(b0 & 0x0F) }
        else if b0 & 0xF8 == 0xF0 { length = 4; value = UInt32(b0 & 0x07) }
        else { return ("\u{FFFD}", 1) }
        guard i + length <= bytes.count else { return ("\u{FFFD}", 1) }
        for k in 1..<length {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(b & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// ASCII letters, and any alphabetic scalar beyond ASCII.
    @inlinable @inline(__always)
    package static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A }
        return s.properties.isAlphabetic
    }
}
