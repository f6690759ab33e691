/// Writes a ParsedFeed as INTERFACE.md's `citywatch feed --json` line, by hand: every key, nulls as null.
extension ParsedFeed {
    /// The JSON object on one line, without the newline.
    public var jsonLine: String {
        var out = JSONWriter()
        appendJSON(to: &out)
        return out.string
    }

    /// Appends the JSON object (no newline) to a writer; the CLI reuses one writer for a whole batch.
    public func appendJSON(to out: inout JSONWriter) {
        out.raw("{\"input\":"); out.string(input)
        out.raw(",\"parse_ok\":"); out.raw(parseOK ? "true" : "false")
        out.raw(",\"format\":"); out.string(format)
        out.raw(",\"version\":"); out.string(version)
        out.raw(",\"encoding\":"); out.string(encoding)
        out.raw(",\"feed\":{\"title\":"); out.string(feed.title)
        out.raw(",\"link\":"); out.string(feed.link)
        out.raw(",\"updated\":"); out.string(feed.updated)
        out.raw(",\"language\":"); out.string(feed.language)
        out.raw("},\"items\":[")
        for (index, item) in items.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw("{\"title\":"); out.string(item.title)
            out.raw(",\"link\":"); out.string(item.link)
            out.raw(",\"id\":"); out.string(item.id)
            out.raw(",\"published\":"); out.string(item.published)
            out.raw(",\"updated\":"); out.string(item.updated)
            out.raw(",\"author\":"); out.string(item.author)
            out.raw(",\"author_email\":"); out.string(item.authorEmail)
            out.raw(",\"summary\":"); out.string(item.summary)
            out.raw(",\"content\":"); out.string(item.content)
            out.raw("}")
        }
        out.raw("],\"error\":"); out.string(error)
        out.raw("}")
    }
}

/// A minimal JSON text builder over UTF-8 bytes (strings escaped per RFC 8259; empty strings as null).
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []

    public init() { bytes.reserveCapacity(4096) }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    public mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    public mutating func newline() { bytes.append(0x0A) }

    /// Plain text, unescaped.
    public mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// A JSON string, or null for nil and "".
    public mutating func string(_ s: String?) {
        guard var s, !s.isEmpty else { raw("null"); return }
        s.withUTF8 { escape($0) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func escape(_ u: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var runStart = 0
        for i in 0..<u.count {
            let c = u[i]
            if c >= 0x20 && c != 0x22 && c != 0x5C { continue }
            if i > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<i])) }
            runStart = i + 1
            switch c {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            default:
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30])
                bytes.append(JSONWriter.hex[Int(c >> 4)]); bytes.append(JSONWriter.hex[Int(c & 15)])
            }
        }
        if u.count > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<u.count])) }
        bytes.append(0x22)
    }
}
