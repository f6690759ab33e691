import Foundation
import CityWatchSupport

/// Reads the seed text format: a title line, then one line per heading or paragraph, `- ` bullets,
/// pipe tables, and boilerplate lines (breadcrumbs, credits, footers) moved out of the blocks.
package enum SeedTextParser {
    /// Parses seed text. Never fails: odd input gives a sensible (possibly empty) document.
    package static func parse(_ text: String) -> Document {
        let lines = splitLines(text).map(TextNormalizer.normalizeLine)
        var doc = Document()
        var index = 0

        // Title: the first line, unless it is blank (seed 002 has none). Leading boilerplate is skipped first.
        if let first = lines.first, !first.isEmpty {
            while index < lines.count, lines[index].isEmpty || Boilerplate.isBoilerplate(lines[index]) {
                if !lines[index].isEmpty { doc.boilerplate.append(lines[index]) }
                index += 1
            }
            if index < lines.count, !lines[index].hasPrefix("- "), !isTableLine(lines[index]) {
                doc.title = lines[index]
                index += 1
            }
        }

        var pending: [String] = []   // current bullet list
        func flushBullets() {
            if !pending.isEmpty { doc.blocks.append(.bullets(pending)); pending = [] }
        }

        while index < lines.count {
            let line = lines[index]
            if line.isEmpty { flushBullets(); index += 1; continue }
            if doc.blocks.isEmpty, doc.byline == nil, let byline = Boilerplate.byline(line) {
                doc.byline = byline; index += 1; continue
            }
            if Boilerplate.isBoilerplate(line) { flushBullets(); doc.boilerplate.append(line); index += 1; continue }
            if let item = bulletItem(line) { pending.append(item); index += 1; continue }
            flushBullets()
            if index + 1 < lines.count, isTableLine(line), isSeparatorLine(lines[index + 1]) {
                let header = cells(line)
                var rows: [[String]] = []
                index += 2
                while index < lines.count, ByteSearch.contains(lines[index], "|"), !isSeparatorLine(lines[index]) {
                    var row = cells(lines[index])
                    if row.count < header.count { row += Array(repeating: "", count: header.count - row.count) }
                    rows.append(row)
                    index += 1
                }
                doc.blocks.append(.table(Table(header: header, rows: rows)))
                continue
            }
            doc.blocks.append(HeadingClassifier.isHeading(line) ? .heading(line) : .paragraph(line))
            index += 1
        }
        flushBullets()
        return doc
    }

    /// Lines split at LF, CRLF or CR, on bytes (Character comparison showed in profiles).
    static func splitLines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { splitLines($0) }
    }

    static func splitLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var lines: [String] = []
        // Without a CR, lines end at each LF: memchr finds them.
        if let base = bytes.baseAddress, memchr(base, 0x0D, bytes.count) == nil {
            var start = 0
            while let hit = memchr(base + start, 0x0A, bytes.count - start) {
                let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = end + 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return lines
        }
        var start = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
        return lines
    }

    static func bulletItem(_ line: String) -> String? {
        for marker in ["- ", "• ", "* "] where line.hasPrefix(marker) {
            let item = TextNormalizer.trim(line.dropFirst(marker.count))
            return item.isEmpty ? nil : item
        }
        return nil
    }

    static func isTableLine(_ line: String) -> Bool {
        ByteSearch.contains(line, "|") && cells(line).count >= 2
    }

    /// `|---|---|` or `---|---|`, with optional alignment colons.
    static func isSeparatorLine(_ line: String) -> Bool {
        // Only pipes, dashes, colons and blanks can make one: most lines fail on their first byte.
        var dash = false
        for b in line.utf8 {
            switch b {
            case 0x2D: dash = true
            case 0x7C, 0x3A, 0x20, 0x09: continue
            default: return false
            }
        }
        guard dash else { return false }
        return cells(line).allSatisfy { cell in
            !cell.isEmpty && cell.utf8.allSatisfy { $0 == 0x2D || $0 == 0x3A } && cell.utf8.contains(0x2D)
        }
    }

    /// The cells of a pipe row, with or without the leading and trailing pipe (blanks are spaces and tabs).
    static func cells(_ line: String) -> [String] {
        let bytes = line.utf8
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, blank(bytes[start]) { start = bytes.index(after: start) }
        while end > start, blank(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        if start < end, bytes[start] == 0x7C { start = bytes.index(after: start) }
        if start < end, bytes[bytes.index(before: end)] == 0x7C { end = bytes.index(before: end) }
        var out: [String] = []
        var cellStart = start
        var i = start
        while true {
            if i == end || bytes[i] == 0x7C {
                var a = cellStart, b = i
                while a < b, blank(bytes[a]) { a = bytes.index(after: a) }
                while b > a, blank(bytes[bytes.index(before: b)]) { b = bytes.index(before: b) }
                out.append(String(Substring(bytes[a..<b])))
                if i == end { break }
                cellStart = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        return out
    }
}
