import Foundation

/// One line of an HTTP response head, read on its bytes: the bytes come from any server.
///
/// Header bytes are ISO-8859-1 by RFC 9110: a name or value with a byte over 0x7F is decoded as Latin-1
/// (which never fails); ASCII is read as it is. Latin-1's whitespace and newlines (NEL 0x85 and NBSP 0xA0
/// included) around the line are dropped; spaces, tabs and NBSP around a name and a value are dropped.
package enum HeaderLine: Equatable, Sendable {
    /// A status line (`HTTP/1.1 301 Moved`): a new response begins. The code is the line's second word, 0
    /// when it is not one to three digits.
    case status(code: Int)
    /// `name: value`, the name lower-cased.
    case field(name: String, value: String)
    /// A blank line, or a line with no colon: nothing to keep.
    case none

    package init(_ line: UnsafeBufferPointer<UInt8>) {
        @inline(__always) func blank(_ c: UInt8) -> Bool { c == 0x20 || (0x09...0x0D).contains(c) || c == 0x85 || c == 0xA0 }
        @inline(__always) func space(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0xA0 }
        var start = 0, end = line.count
        while start < end, blank(line[start]) { start += 1 }
        while end > start, blank(line[end - 1]) { end -= 1 }
        guard start < end else { self = .none; return }
        let text = UnsafeBufferPointer(rebasing: line[start..<end])
        if text.starts(with: "HTTP/".utf8) {
            let word = text.split(separator: 0x20).dropFirst().first
            let digits = word.map { $0.count <= 3 && $0.allSatisfy { (0x30...0x39).contains($0) } } ?? false
            let code = digits ? word.flatMap { Int(Self.latin1($0)) } ?? 0 : 0
            self = .status(code: code)
            return
        }
        guard let colon = text.firstIndex(of: UInt8(ascii: ":")) else { self = .none; return }
        var nameEnd = colon
        while nameEnd > 0, space(text[nameEnd - 1]) { nameEnd -= 1 }
        var valueStart = colon + 1
        while valueStart < text.count, space(text[valueStart]) { valueStart += 1 }
        let name = text[0..<nameEnd]
        let lowered = name.allSatisfy { $0 < 0x80 }
            ? String(decoding: name.lazy.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
            : Self.latin1(name).lowercased()
        self = .field(name: lowered, value: Self.latin1(text[valueStart...]))
    }

    /// Reads a line held in `Data` (tests and the fuzz target).
    package init(_ data: Data) {
        self = data.withUnsafeBytes { HeaderLine($0.bindMemory(to: UInt8.self)) }
    }

    /// Header bytes as text: ASCII as it is, anything else as ISO-8859-1.
    private static func latin1(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        let buffer = UnsafeBufferPointer(rebasing: bytes)
        if buffer.allSatisfy({ $0 < 0x80 }) { return String(decoding: buffer, as: UTF8.self) }
        return String(bytes: buffer, encoding: .isoLatin1) ?? String(decoding: buffer, as: UTF8.self)
    }
}
