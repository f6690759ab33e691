/// Writes a Document in the seed text format; `SeedTextParser.parse` reads it back to the same blocks.
package enum SeedTextRenderer {
    /// Title on the first line (a blank line when there is none), a "By …" line for the byline, one line per
    /// heading and paragraph, `- ` bullets, `| a | b |` tables under `|---|---|`. Boilerplate is left out.
    package static func render(_ document: Document) -> String {
        var lines: [String] = [document.title ?? ""]
        if let byline = document.byline { lines.append("By \(byline)") }
        var previous: Block?
        for block in document.blocks {
            // Two lists or two tables in a row would read back as one: a blank line keeps them apart.
            switch (previous, block) {
            case (.bullets?, .bullets), (.table?, .table): lines.append("")
            default: break
            }
            switch block {
            case .heading(let text), .paragraph(let text):
                lines.append(text)
            case .bullets(let items):
                lines += items.map { "- \($0)" }
            case .table(let table):
                lines.append(row(table.header))
                lines.append("|" + String(repeating: "---|", count: max(table.header.count, 1)))
                lines += table.rows.map(row)
            }
            previous = block
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacingOccurrences(of: "|", with: "/") }.joined(separator: " | ") + " |"
    }
}
