/// Tables: data tables become table blocks; layout tables (nested tables, long prose cells) are read as text.
extension BlockBuilder {
    func isDataTable(_ node: Int) -> Bool {
        let stop = tree.subtreeEnd(node)
        var cells = 0
        var j = node + 1
        while j < stop {
            switch tree.tags[j] {
            case .table: return false
            case .td, .th:
                cells += 1
                if textLength[j] > 400 { return false }
                j = tree.subtreeEnd(j)
                continue
            case .p, .div, .ul, .ol, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote:
                if textLength[j] > 200 { return false }
            default: break
            }
            j += 1
        }
        return cells >= 2
    }

    mutating func table(_ node: Int) {
        var rows: [[String]] = []
        var headerRow: Int?
        let stop = tree.subtreeEnd(node)
        var j = node + 1
        while j < stop {
            if removed[j] { j = tree.subtreeEnd(j); continue }
            if tree.tags[j] == .tr {
                var cells: [String] = []
                var allHeaders = true
                for c in tree.children(j) where tree.tags[c] == .td || tree.tags[c] == .th {
                    if tree.tags[c] == .td { allHeaders = false }
                    cells.append(tree.plainText(c).replacingOccurrences(of: "|", with: "/"))
                    // A spanning cell keeps the columns after it aligned; its text is not repeated.
                    let span = min(Int(tree.attribute(c, .colspan) ?? "1") ?? 1, 20)
                    if span > 1 { cells += Array(repeating: "", count: span - 1) }
                }
                if !cells.isEmpty, cells.contains(where: { !$0.isEmpty }) {
                    if rows.isEmpty, allHeaders || isInHead(j, table: node) { headerRow = 0 }
                    rows.append(cells)
                }
                j = tree.subtreeEnd(j)
                continue
            }
            j += 1
        }
        guard !rows.isEmpty else { return }
        // Header from <th>/<thead>, else the first row (as the seeds do).
        let header = rows.removeFirst()
        _ = headerRow
        let width = max(header.count, rows.map(\.count).max() ?? 0)
        func padded(_ r: [String]) -> [String] { r.count < width ? r + Array(repeating: "", count: width - r.count) : r }
        blocks.append(.table(Table(header: padded(header), rows: rows.map(padded))))
    }

    private func isInHead(_ row: Int, table: Int) -> Bool {
        var p = Int(tree.parent[row])
        while p > table {
            if tree.tags[p] == .thead { return true }
            p = Int(tree.parent[p])
        }
        return false
    }
}
