import CLibXML2
import Foundation
import CityWatchSupport

/// Decides a page's charset (HTTP header, BOM, `<meta>`, then sniffing) and turns the bytes into UTF-8.
enum HTMLCharset {
    /// The page as UTF-8 bytes, and the charset it was read as.
    static func utf8Bytes(_ data: Data, httpCharset: String?) -> (bytes: [UInt8], charset: String) {
        var bytes = data.withUnsafeBytes { [UInt8]($0) }   // one memcpy (the generic Data copy goes byte by byte)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (Array(bytes.dropFirst(3)), "utf-8") }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let text = String(data: data, encoding: .utf16) ?? ""
            return (Array(text.utf8), "utf-16")
        }
        let declared = httpCharset.flatMap(canonical) ?? bytes.withUnsafeBufferPointer { HTMLPrescan.metaCharset($0) }.flatMap(canonical)
        switch declared {
        case "utf-8"?:
            if isValidUTF8(bytes) { return (bytes, "utf-8") }
            bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)   // repaired: bad bytes become U+FFFD
            return (bytes, "utf-8")
        case "windows-1252"?:
            return (windows1252ToUTF8(bytes), "windows-1252")
        case let name?:
            if let converted = convert(bytes, from: name) { return (converted, name) }
        case nil:
            break
        }
        if isValidUTF8(bytes) { return (bytes, "utf-8") }
        return (windows1252ToUTF8(bytes), "windows-1252")
    }

    /// A charset label in the form this file uses, or nil when it names nothing usable.
    static func canonical(_ label: String) -> String? {
        let l = TextNormalizer.trim(label) { $0 == " " || $0 == "\"" || $0 == "'" }.lowercased()
        switch l {
        case "": return nil
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "utf-8"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "windows-1252", "cp1252", "iso_8859-1",
             "x-user-defined":
            return "windows-1252"
        default: return l
        }
    }

    /// Through libxml2's encoding handlers (iconv): Shift_JIS, EUC-KR, KOI8-R, GB2312 and the rest.
    private static func convert(_ bytes: [UInt8], from name: String) -> [UInt8]? {
        guard let handler = xmlFindCharEncodingHandler(name) else { return nil }
        defer { xmlCharEncCloseFunc(handler) }
        guard let input = xmlBufferCreateSize(bytes.count + 1), let output = xmlBufferCreateSize(bytes.count * 2 + 16) else { return nil }
        defer { xmlBufferFree(input); xmlBufferFree(output) }
        bytes.withUnsafeBufferPointer { buf in
            _ = xmlBufferAdd(input, buf.baseAddress, Int32(buf.count))
        }
        var steps = 0
        while xmlBufferLength(input) > 0, steps < bytes.count + 8 {
            steps += 1
            let before = xmlBufferLength(input)
            let r = xmlCharEncInFunc(handler, output, input)
            // Skip one undecodable byte rather than give up on the page.
            if r < 0 || xmlBufferLength(input) == before { xmlBufferShrink(input, 1) }
        }
        guard let content = xmlBufferContent(output) else { return nil }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(output))))
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            guard let base = buf.baseAddress else { return true }
            while i < n {
                // ASCII 32 bytes, then 8 bytes at a time.
                while i + 32 <= n {
                    let p = UnsafeRawPointer(base + i)
                    let any = p.loadUnaligned(as: UInt64.self) | p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                        | p.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                    if any & 0x8080_8080_8080_8080 != 0 { break }
                    i += 32
                }
                if i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                guard i < n else { break }
                let b = buf[i]
                if b < 0x80 { i += 1; continue }
                let len: Int
                if b & 0xE0 == 0xC0 { len = 2; if b < 0xC2 { return false } }
                else if b & 0xF0 == 0xE0 { len = 3 }
                else if b & 0xF8 == 0xF0 { len = 4; if b > 0xF4 { return false } }
                else { return false }
                if i + len > n { return false }
                for k in 1..<len where buf[i + k] & 0xC0 != 0x80 { return false }
                i += len
            }
            return true
        }
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { out.append(b); continue }
            let scalar = b < 0xA0 ? cp1252High[Int(b - 0x80)] : UInt32(b)
            out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        }
        return out
    }
}
