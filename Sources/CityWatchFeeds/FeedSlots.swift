/// Trimmed, or nil when empty.
func cleaned(_ s: String) -> String? {
    // Byte-level (Foundation's trimming goes through UTF-16 and was most of the parse time).
    var s = s
    let (start, end, count) = s.withUTF8 { u -> (Int, Int, Int) in
        @inline(__always) func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C }
        var start = 0, end = u.count
        while start < end, blank(u[start]) { start += 1 }
        while end > start, blank(u[end - 1]) { end -= 1 }
        return (start, end, u.count)
    }
    if start == end { return nil }
    if start == 0 && end == count { return s }
    return s.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
}

func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }

/// One candidate value with its rank (lower wins; the last of equal rank wins).
struct Slot { var rank: Int; var value: String }

/// The candidate values for an item's or a feed's fields.
struct Slots {
    var title: Slot?, link: Slot?, id: Slot?, published: Slot?, updated: Slot?
    var author: Slot?, authorEmail: Slot?, summary: Slot?, content: Slot?, language: Slot?

    enum Field { case title, link, id, published, updated, author, authorEmail, summary, content, language }

    mutating func offer(_ field: Field, _ rank: Int, _ value: String?, firstWins: Bool = false) {
        guard let value else { return }
        // Later elements overwrite earlier ones of the same rank, as feed readers do (authors: the first is kept).
        @inline(__always) func accepts(_ current: Slot?) -> Bool {
            guard let current else { return true }
            return !(current.rank < rank || (firstWins && current.rank == rank))
        }
        let new = Slot(rank: rank, value: value)
        switch field {
        case .title: if accepts(title) { title = new }
        case .link: if accepts(link) { link = new }
        case .id: if accepts(id) { id = new }
        case .published: if accepts(published) { published = new }
        case .updated: if accepts(updated) { updated = new }
        case .author: if accepts(author) { author = new }
        case .authorEmail: if accepts(authorEmail) { authorEmail = new }
        case .summary: if accepts(summary) { summary = new }
        case .content: if accepts(content) { content = new }
        case .language: if accepts(language) { language = new }
        }
    }
}
