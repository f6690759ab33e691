import CityWatchSupport
/// Turns the chosen part of a page tree into blocks: headings, paragraphs, bullet lists and tables.
/// The walk is a loop over node numbers with a stack of open block ends, so nesting depth costs no recursion.
struct BlockBuilder {
    let tree: HTMLTree
    let removed: [Bool]
    let textLength: [Int32]
    let linkLength: [Int32]
    /// Headings equal to this (the page title) are not repeated as blocks.
    var title: String?
    var blocks: [Block] = []
    var boilerplate: [String] = []
    /// A "By …" line found at the top of the body.
    var byline: String?
    /// The byline from the page's metadata: a line repeating it near the top is not body text.
    var knownByline: String?
    private var line: [UInt8] = []

    init(tree: HTMLTree, removed: [Bool], textLength: [Int32], linkLength: [Int32], title: String?) {
        self.tree = tree
        self.removed = removed
        self.textLength = textLength
        self.linkLength = linkLength
        self.title = title
    }

    mutating func add(_ root: Int) {
        let stop = tree.subtreeEnd(root)
        var open: [Int] = []
        var i = root
        while i < stop {
            while let last = open.last, i >= last { open.removeLast(); flushLine() }
            if removed[i] {
                // A dropped element inside a line (an ad slot in a paragraph) still separates words.
                if !line.isEmpty { line.append(0x20) }
                i = tree.subtreeEnd(i)
                continue
            }
            let tag = tree.tags[i]
            switch tag {
            case .text:
                line.append(contentsOf: tree.text[Int(tree.start[i])..<Int(tree.end[i])])
                i += 1
            case .br, .hr:
                flushLine()
                i += 1
            case .h1, .h2, .h3, .h4, .h5, .h6:
                flushLine()
                heading(tree.plainText(i))
                i = tree.subtreeEnd(i)
            case .ul, .ol:
                flushLine()
                if isLinkList(i) { dropped(i) } else { list(i) }
                i = tree.subtreeEnd(i)
            case .table where isDataTable(i):
                flushLine()
                table(i)
                i = tree.subtreeEnd(i)
            case .figcaption, .caption, .head, .title, .meta, .link:
                flushLine()
                i = tree.subtreeEnd(i)
            case .pre:
                flushLine()
                for l in tree.plainTextLines(i) { paragraph(l) }
                i = tree.subtreeEnd(i)
            default:
                if tag.isInline { i += 1; continue }
                flushLine()
                if tag != .td && tag != .th && tag != .tr, isLinkBlock(i) { dropped(i); i = tree.subtreeEnd(i); continue }
                open.append(tree.subtreeEnd(i))
                i += 1
            }
        }
        flushLine()
    }

    private mutating func flushLine() {
        guard !line.isEmpty else { return }
        let text = HTMLText.normalize(line)
        line.removeAll(keepingCapacity: true)
        paragraph(text)
    }

    private mutating func paragraph(_ text: String) {
        guard !text.isEmpty else { return }
        if BlockBuilder.mayBeBoilerplate(text), Boilerplate.isBoilerplate(text) { boilerplate.append(text); return }
        if blocks.isEmpty, byline == nil, let name = Boilerplate.byline(text) { byline = name; return }
        if blocks.count < 3, let known = knownByline?.lowercased(), text.count <= known.count + 3 {
            let lower = text.lowercased()
            if lower == known || lower == "by " + known { boilerplate.append(text); return }
        }
        blocks.append(.paragraph(text))
    }

    private mutating func heading(_ text: String) {
        guard !text.isEmpty else { return }
        if let title, text == title || blocks.isEmpty && title.hasPrefix(text) { return }
        if Boilerplate.isBoilerplate(text) { boilerplate.append(text); return }
        blocks.append(.heading(text))
    }

    /// `Boilerplate.isBoilerplate` only flags short lines, or longer ones by a few opening words; asking it
    /// about every long paragraph cost more than the rest of the extraction.
    static func mayBeBoilerplate(_ text: String) -> Bool {
        let bytes = text.utf8.count
        if bytes <= 60 { return true }                                                   // furniture phrases
        if bytes < 480, text.utf8.last != UInt8(ascii: "."), text.count < 120 { return true } // credit lines
        if bytes < 800, ByteSearch.contains(text, "eserved") { return true }             // "All rights reserved"
        let head = String(text.prefix(24)).lowercased()                                  // "Read more: …"
        return Boilerplate.prefixes.contains(where: { head.hasPrefix($0) }) || head.hasPrefix("home ")
    }

    func linkDensity(_ i: Int) -> Double {
        textLength[i] == 0 ? 0 : Double(linkLength[i]) / Double(textLength[i])
    }

    /// A block that is mostly links ("Related: …", tag clouds) is furniture.
    private func isLinkBlock(_ i: Int) -> Bool {
        let length = textLength[i]
        guard length > 0 else { return false }
        return linkDensity(i) > 0.65 && length < 1500
    }

    private func isLinkList(_ i: Int) -> Bool {
        textLength[i] > 0 && linkDensity(i) > 0.65
    }

    /// Short lines of a dropped block go to `boilerplate` so users can see what was left out.
    private mutating func dropped(_ i: Int) {
        let text = tree.plainText(i)
        if !text.isEmpty, text.count <= 120 { boilerplate.append(text) }
    }

    private mutating func list(_ node: Int) {
        var items: [String] = []
        let stop = tree.subtreeEnd(node)
        var j = node + 1
        while j < stop {
            if removed[j] { j = tree.subtreeEnd(j); continue }
            if tree.tags[j] == .li {
                let text = tree.plainText(j, skippingLists: true)
                if !text.isEmpty { items.append(text) }
            }
            j += 1
        }
        if !items.isEmpty { blocks.append(.bullets(items)) }
    }
}
