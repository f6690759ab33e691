import CityWatchSupport
/// The document as one JSON line, keys in the order INTERFACE.md shows, nulls written out.
extension Document {
    package func jsonLine() -> String {
        var w = JSONWriter()
        w.open()
        w.key("title"); w.string(title)
        w.key("byline"); w.string(byline)
        w.key("source"); w.string(source)
        w.key("url"); w.string(url)
        w.key("published"); w.string(published)
        w.key("blocks"); w.array(blocks) { w, block in
            w.open()
            switch block {
            case .heading(let text): w.key("heading"); w.string(text)
            case .paragraph(let text): w.key("paragraph"); w.string(text)
            case .bullets(let items): w.key("bullets"); w.array(items) { w, item in w.string(item) }
            case .table(let table):
                w.key("table"); w.open()
                w.key("header"); w.array(table.header) { w, cell in w.string(cell) }
                w.key("rows"); w.array(table.rows) { w, row in w.array(row) { w, cell in w.string(cell) } }
                w.close()
            }
            w.close()
        }
        w.key("boilerplate"); w.array(boilerplate) { w, line in w.string(line) }
        w.close()
        return w.string
    }
}
