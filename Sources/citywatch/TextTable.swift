import CityWatchCore

/// Plain aligned columns for terminal tables (alerts, knowledge, status): two spaces between columns, the last
/// column not padded, cells over `maxWidth` characters cut with "…".
enum TextTable {
    static func render(header: [String], rows: [[String]], maxWidth: Int = 60) -> String {
        lines(header: header, rows: rows, maxWidth: maxWidth).joined(separator: "\n") + "\n"
    }

    /// The header line, then one line per row (no newlines), for callers that put more lines between rows.
    static func lines(header: [String], rows: [[String]], maxWidth: Int = 60) -> [String] {
        // Cells hold feed text: control characters are escaped so none reaches the terminal.
        let all = ([header] + rows).map { $0.map(TerminalText.escape) }
        var widths = Array(repeating: 0, count: header.count)
        for row in all { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = min(maxWidth, max(widths[i], cell.count)) } }
        return all.map { row in
            row.enumerated().map { i, cell in
                let clipped = cell.count > maxWidth ? String(cell.prefix(maxWidth - 1)) + "…" : cell
                return i == row.count - 1 ? clipped : clipped + String(repeating: " ", count: max(0, widths[i] - clipped.count))
            }.joined(separator: "  ")
        }
    }
}
