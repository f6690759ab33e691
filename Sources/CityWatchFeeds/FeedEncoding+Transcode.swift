import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Byte-level transcoding to UTF-8: Windows-1252, mixed UTF-8/Windows-1252, and anything iconv knows.
extension FeedEncoding {
    /// Windows-1252 code points for 0x80–0x9F (0 where the code page leaves a hole).
    static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    @inline(__always)
    static func appendScalar(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 { out.append(UInt8(v)) } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    @inline(__always)
    static func cp1252Scalar(_ c: UInt8) -> UInt32 {
        if c >= 0x80 && c <= 0x9F { let v = cp1252High[Int(c - 0x80)]; return v == 0 ? UInt32(c) : v }
        return UInt32(c)
    }

    static func cp1252ToUTF8(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + b.count / 8)
        for i in start..<b.count { appendScalar(cp1252Scalar(b[i]), to: &out) }
        return out
    }

    /// Keeps well-formed UTF-8 sequences and reads every other byte as Windows-1252.
    static func repairMixedUTF8(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 16)
        var i = start
        while i < b.count {
            let c = b[i]
            if c < 0x80 { out.append(c); i += 1; continue }
            let len = utf8SequenceLength(b, at: i)
            if len > 0 {
                for k in 0..<len { out.append(b[i + k]) }
                i += len
            } else {
                appendScalar(cp1252Scalar(c), to: &out); i += 1
            }
        }
        return out
    }

    /// Transcodes with iconv; undecodable bytes become U+FFFD. nil when iconv does not know the charset.
    static func iconvToUTF8(_ b: UnsafeBufferPointer<UInt8>, from start: Int, charset: String, strict: Bool = false) -> [UInt8]? {
        guard let context = FeedParserContext.current() else { return nil }
        return context.withConverter(charset) { cd in
            cd.flatMap { iconvToUTF8(b, from: start, converter: $0, strict: strict) }
        }
    }

    static func iconvToUTF8(_ b: UnsafeBufferPointer<UInt8>, from start: Int, converter cd: iconv_t, strict: Bool) -> [UInt8]? {
        let inCount = b.count - start
        var out = [UInt8](repeating: 0, count: inCount * 4 + 16)
        var produced = 0
        var inPtr = UnsafeMutablePointer<CChar>(mutating: UnsafeRawPointer(b.baseAddress!.advanced(by: start)).assumingMemoryBound(to: CChar.self))
        var inLeft = inCount
        var failures = 0
        out.withUnsafeMutableBytes { raw in
            let base = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
            var outPtr: UnsafeMutablePointer<CChar>? = base
            var outLeft = raw.count
            var inOpt: UnsafeMutablePointer<CChar>? = inPtr
            while inLeft > 0 {
                let r = iconv(cd, &inOpt, &inLeft, &outPtr, &outLeft)
                if r != -1 { break }
                if errno == E2BIG { break }
                // EILSEQ or EINVAL: skip one byte, write U+FFFD.
                failures += 1
                if strict { break }
                if outLeft < 3 { break }
                outPtr![0] = CChar(bitPattern: 0xEF); outPtr![1] = CChar(bitPattern: 0xBF); outPtr![2] = CChar(bitPattern: 0xBD)
                outPtr = outPtr! + 3; outLeft -= 3
                inOpt = inOpt! + 1; inLeft -= 1
            }
            produced = raw.count - outLeft
            inPtr = inOpt ?? inPtr
        }
        if failures > 0 && (strict || failures * 4 > inCount) { return nil }
        out.removeSubrange(produced...)
        return out
    }
}
