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

    mutating func escape(_ u: UnsafeBufferPointer<UInt8>) {
        JSONText.escape(u, into: &bytes)
    }
}
