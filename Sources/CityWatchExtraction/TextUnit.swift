import Foundation
import CityWatchSupport
import CityWatchDocuments

/// A piece of a document that is read on its own: the title, a heading, a paragraph, a bullet, or a table cell.
/// A class: every stage walks the units, and copying the struct's five references per unit per pass showed in profiles.
final class TextUnit: Sendable {
    enum Kind: Sendable, Equatable {
        case title, heading, paragraph, bullet
        /// A table cell: table number, row, column.
        case cell(table: Int, row: Int, column: Int)
    }

    let kind: Kind
    let tz: Tokenizer
    let sentences: [Range<Int>]
    /// For a cell: the whole row as evidence ("New York | 4,500 | 250").
    let rowText: String?
    /// For a cell: whether its column holds places ("City", "Location").
    let isPlaceColumn: Bool
    /// For a cell: its column header, the measure of a numeric cell.
    let header: String?

    init(kind: Kind, text: String, rowText: String? = nil, isPlaceColumn: Bool = false, header: String? = nil) {
        self.kind = kind
        self.tz = Tokenizer(text)
        // A heading or a table cell is one piece; a title may run into the story (plain text given as one line).
        self.sentences = kind == .heading || rowText != nil
            ? (tz.tokens.isEmpty ? [] : [0..<tz.tokens.count])
            : tz.sentences()
        self.rowText = rowText
        self.isPlaceColumn = isPlaceColumn
        self.header = header
    }

    /// The sentence (or table row) that holds token range `s`.
    func evidence(_ s: Range<Int>) -> String {
        if let rowText { return rowText }
        guard let a = s.first, let b = s.last else { return "" }
        return tz.string(tz.tokens[a].start, tz.tokens[b].end)
    }

    static let placeHeaders: Set<String> = ["city", "cities", "location", "locations", "place", "metro", "metro area",
                                            "municipality", "jurisdiction", "town", "city/state", "city, state"]

    /// Every unit of a document, in reading order. Boilerplate is not part of `blocks`, so it never yields facts.
    static func units(of document: Document) -> [TextUnit] {
        var units: [TextUnit] = []
        if let title = document.title, !title.isEmpty { units.append(TextUnit(kind: .title, text: title)) }
        var tableIndex = 0
        for block in document.blocks {
            switch block {
            case .heading(let h): units.append(TextUnit(kind: .heading, text: h))
            case .paragraph(let p): units.append(TextUnit(kind: .paragraph, text: p))
            case .bullets(let items): for item in items { units.append(TextUnit(kind: .bullet, text: item)) }
            case .table(let table):
                let places = table.header.map { placeHeaders.contains(TextNormalizer.trimmingWhitespace($0.lowercased())) }
                for (r, row) in table.rows.enumerated() {
                    let rowText = row.filter { !$0.isEmpty }.joined(separator: " | ")
                    for (c, cell) in row.enumerated() where !cell.isEmpty {
                        units.append(TextUnit(kind: .cell(table: tableIndex, row: r, column: c), text: cell,
                                              rowText: rowText, isPlaceColumn: c < places.count && places[c],
                                              header: c < table.header.count ? table.header[c] : nil))
                    }
                }
                tableIndex += 1
            }
        }
        return units
    }
}
