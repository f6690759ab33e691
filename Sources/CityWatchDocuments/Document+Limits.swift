/// A document's text bounded: the work every later stage does grows with it, and one page must not take the
/// daemon's memory or an hour of CPU.
extension Document {
    /// The text taken from one document by default: far above any article (the longest seed has ~5,000), far
    /// below what would take the daemon's memory.
    package static let textLimit = 400_000

    /// Keeps the blocks within `limit` characters of text (UTF-8 bytes, which is at least the character count),
    /// cutting the block that crosses it at a word; returns how many bytes were left out (0: nothing cut).
    @discardableResult
    package mutating func limitText(to limit: Int) -> Int {
        var titleCut = 0
        // A title is a line, not a story: a document that is one huge line must not make its title the story.
        if let title, title.utf8.count > Self.titleLimit {
            let short = Self.prefix(title, bytes: Self.titleLimit)
            titleCut = title.utf8.count - short.utf8.count
            self.title = short
        }
        var used = (title?.utf8.count ?? 0)
        var kept: [Block] = []
        var cut = 0
        for block in blocks {
            let size = block.textBytes
            if cut > 0 { cut += size; continue }
            if used + size <= limit {
                kept.append(block)
                used += size
                continue
            }
            let room = max(0, limit - used)
            cut = size - room
            switch block {
            case .heading(let text): if room > 0 { kept.append(.heading(Self.prefix(text, bytes: room))) }
            case .paragraph(let text): if room > 0 { kept.append(.paragraph(Self.prefix(text, bytes: room))) }
            case .bullets(let items):
                var left = room
                var part: [String] = []
                for item in items where item.utf8.count <= left { part.append(item); left -= item.utf8.count }
                if !part.isEmpty { kept.append(.bullets(part)) }
            case .table(let table):
                var left = room - table.header.reduce(0) { $0 + $1.utf8.count }
                var rows: [[String]] = []
                for row in table.rows {
                    let size = row.reduce(0) { $0 + $1.utf8.count }
                    guard size <= left else { break }
                    rows.append(row)
                    left -= size
                }
                if !rows.isEmpty { kept.append(.table(Table(header: table.header, rows: rows))) }
            }
        }
        if cut > 0 { blocks = kept }
        return cut + titleCut
    }

    /// The longest title kept (a document that is one long line is all title, and its title is read as the story).
    package static let titleLimit = textLimit

    /// Raw text (seed text or prose) cut before it is parsed, at a line end when one is near: parsing is the
    /// first cost, so a 20 MB line never reaches it. Twice `textLimit`, so `limitText` still sees and reports it.
    package static func limitRawText(_ text: String) -> String {
        let limit = 2 * textLimit
        guard text.utf8.count > limit else { return text }
        let head = prefix(text, bytes: limit)
        if let newline = head.lastIndex(of: "\n"), head.distance(from: newline, to: head.endIndex) < 4096 {
            return String(head[..<newline])
        }
        return head
    }

    /// The longest prefix of at most `bytes` UTF-8 bytes that ends at a character (and a space when one is near).
    static func prefix(_ text: String, bytes: Int) -> String {
        let utf8 = text.utf8
        guard utf8.count > bytes else { return text }
        var end = utf8.index(utf8.startIndex, offsetBy: bytes)
        while end > utf8.startIndex, UTF8.isContinuation(utf8[end]) { end = utf8.index(before: end) }
        var head = String(decoding: utf8[..<end], as: UTF8.self)
        if let space = head.lastIndex(of: " "), head.distance(from: space, to: head.endIndex) < 80 {
            head = String(head[..<space])
        }
        return head
    }
}

extension Block {
    /// The UTF-8 size of the block's text.
    var textBytes: Int {
        switch self {
        case .heading(let text), .paragraph(let text): text.utf8.count
        case .bullets(let items): items.reduce(0) { $0 + $1.utf8.count }
        case .table(let table): (table.header + table.rows.joined()).reduce(0) { $0 + $1.utf8.count }
        }
    }
}
