import CLibXML2
import Foundation

/// Builds an `HTMLTree` from libxml2's HTML parser through its SAX interface: the parser's tokenizer and
/// error recovery, without libxml2 building (and freeing) a node tree of its own that would be read once.
/// A struct reached through a pointer from the callbacks: a class's stored properties cost an exclusivity
/// check on every access, which showed in the profile.
struct HTMLTreeBuilder {
    /// Elements nested deeper than this are flattened into their ancestor (their text is kept).
    static let maxDepth = 256
    /// Elements past this many are ignored (their text is kept), so memory stays bounded.
    static let maxNodes = 1_000_000

    private(set) var tree = HTMLTree()
    private var stack: [Int32] = []
    private var skipping = 0       // depth inside a skipped element (script, form controls, …)
    private var flattened = 0      // depth of elements beyond maxDepth or maxNodes
    /// The attributes HTMLPrescan read itself, in groups, one per tag, found by where the tag ends
    /// (`groupEnds`, in page order; `nextGroup` is the first not yet passed).
    private var sideAttributes: [(name: HTMLAttribute, value: String)] = []
    private var groups: [Range<Int32>] = []
    private var groupEnds: [Int32] = []
    private var nextGroup = 0
    /// The texts HTMLPrescan read itself, found by where their stand-ins end.
    private var texts: [UInt8] = []
    private var textRanges: [Range<Int32>] = []
    private var textEnds: [Int32] = []
    private var nextText = 0
    /// The parser, for its position (`xmlByteConsumed`): at a start tag's `>` when it reports the element,
    /// at the `<` after a text. Positions only grow, so a cursor over each list finds what belongs there.
    private var parser: htmlParserCtxtPtr?

    init(capacity: Int) {
        tree.tags.reserveCapacity(capacity)
        tree.parent.reserveCapacity(capacity)
        tree.firstChild.reserveCapacity(capacity)
        tree.lastChild.reserveCapacity(capacity)
        tree.nextSibling.reserveCapacity(capacity)
        tree.start.reserveCapacity(capacity)
        tree.end.reserveCapacity(capacity)
        let root = tree.append(.other, parent: HTMLTree.none, start: 0, end: 0)
        stack.append(root)
    }

    /// Parses a prescanned UTF-8 page into a tree whose node 0 is a synthetic root.
    static func build(_ page: HTMLPrescan.Result) -> HTMLTree {
        let bytes = page.bytes
        var builder = HTMLTreeBuilder(capacity: bytes.count / 40 + 16)
        builder.sideAttributes = page.attributes
        builder.groups = page.groups
        builder.texts = page.texts
        builder.textRanges = page.textRanges
        builder.groupEnds = page.groupEnds
        builder.textEnds = page.textEnds
        guard !bytes.isEmpty else { builder.tree.finish(); return builder.tree }
        withUnsafeMutablePointer(to: &builder) { state in
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    guard let ctxt = htmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else { return }
                    defer { htmlFreeParserCtxt(ctxt) }
                    var handler = htmlSAXHandler()
                    handler.startElement = { ctx, name, attrs in
                        guard let ctx, let name else { return }
                        ctx.assumingMemoryBound(to: HTMLTreeBuilder.self).pointee.start(name, attrs)
                    }
                    handler.endElement = { ctx, _ in
                        guard let ctx else { return }
                        ctx.assumingMemoryBound(to: HTMLTreeBuilder.self).pointee.end()
                    }
                    let characters: charactersSAXFunc = { ctx, ch, len in
                        guard let ctx, let ch, len > 0 else { return }
                        ctx.assumingMemoryBound(to: HTMLTreeBuilder.self).pointee.characters(ch, Int(len))
                    }
                    handler.characters = characters
                    handler.ignorableWhitespace = characters
                    handler.initialized = 1
                    ctxt.pointee.sax.pointee = handler
                    ctxt.pointee.userData = UnsafeMutableRawPointer(state)
                    state.pointee.parser = ctxt
                    _ = htmlCtxtUseOptions(ctxt, Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
                        | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue
                        | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_NOIMPLIED.rawValue))
                    // The bytes are UTF-8 already (HTMLCharset converted them); without this libxml2 guesses.
                    _ = xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8)
                    _ = htmlParseDocument(ctxt)
                }
            }
        }
        builder.tree.finish()
        return builder.tree
    }

    private mutating func start(_ name: UnsafePointer<xmlChar>, _ attrs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        if skipping > 0 { skipping += 1; return }
        let tag = HTMLTag.lookup(name)
        if tag.isSkipped { skipping = 1; return }
        if flattened > 0 || stack.count > Self.maxDepth || tree.count >= Self.maxNodes {
            flattened += 1
            return
        }
        let attrStart = Int32(tree.attributes.count)
        if var a = attrs {
            while let key = a.pointee {
                let value = a.advanced(by: 1).pointee
                if let attribute = HTMLAttribute.lookup(key),
                   Self.keeps(attribute, of: tag, value: UnsafeBufferPointer(start: value, count: value.map { strlen($0) } ?? 0)) {
                    let lower = attribute.isLowerCased
                    let string = value.map { HTMLPrescan.string(UnsafeBufferPointer(start: $0, count: strlen($0)), lowerCased: lower) } ?? ""
                    tree.attributes.append((attribute, string))
                }
                a = a.advanced(by: 2)
            }
        }
        if nextGroup < groupEnds.count { addGroup() }
        let node = tree.append(tag, parent: stack[stack.count - 1], start: attrStart, end: Int32(tree.attributes.count))
        stack.append(node)
    }

    /// Only the attributes some pass reads are turned into strings (an article page has thousands of link
    /// URLs and inline styles that nothing looks at). HTMLPrescan already drops the others from start tags.
    static func keeps(_ attribute: HTMLAttribute, of tag: HTMLTag, value: UnsafeBufferPointer<UInt8>) -> Bool {
        switch attribute {
        case .class, .id, .role, .itemprop, .hidden, .colspan, .datetime: return true
        case .href: return tag == .link
        case .rel: return tag == .link || tag == .a
        case .name, .property, .content: return tag == .meta || attribute == .content
        case .type: return false
        case .style:
            // Kept only when it might hide the element.
            return HTMLPrescan.find(value, noneBytes, from: 0, caseInsensitive: true) != nil
                || HTMLPrescan.find(value, hiddenBytes, from: 0, caseInsensitive: true) != nil
        }
    }

    /// How far libxml2 has read (see `parser`).
    private func position() -> Int { parser.map { xmlByteConsumed($0) } ?? -1 }

    /// Adds the attributes HTMLPrescan read for the tag libxml2 has just reported, if it read any.
    /// (The cursor loops are written out here: a helper taking `&nextGroup` made Swift copy the whole builder.)
    private mutating func addGroup() {
        let at = position()
        while nextGroup < groupEnds.count, Int(groupEnds[nextGroup]) < at { nextGroup += 1 }
        guard nextGroup < groupEnds.count, Int(groupEnds[nextGroup]) == at else { return }
        let n = nextGroup
        nextGroup += 1
        tree.attributes.append(contentsOf: sideAttributes[Int(groups[n].lowerBound)..<Int(groups[n].upperBound)])
    }

    /// The stand-in text ending at libxml2's position, if there is one.
    private mutating func standIn() -> Int? {
        let at = position()
        while nextText < textEnds.count, Int(textEnds[nextText]) < at { nextText += 1 }
        guard nextText < textEnds.count, Int(textEnds[nextText]) == at else { return nil }
        nextText += 1
        return nextText - 1
    }

    private static let noneBytes = Array("none".utf8), hiddenBytes = Array("hidden".utf8)

    private mutating func end() {
        if skipping > 0 { skipping -= 1; return }
        if flattened > 0 { flattened -= 1; return }
        if stack.count > 1 { stack.removeLast() }
    }

    private mutating func characters(_ ch: UnsafePointer<xmlChar>, _ len: Int) {
        // A stand-in is one letter ending where HTMLPrescan said; a page's own text is never cut to one there.
        if len == 1, nextText < textEnds.count, let index = standIn() {
            let range = textRanges[index]
            let count = Int(range.upperBound - range.lowerBound)
            let texts = self.texts
            texts.withUnsafeBufferPointer { text in
                appendText(text.baseAddress! + Int(range.lowerBound), count)
            }
            return
        }
        appendText(ch, len)
    }

    private mutating func appendText(_ ch: UnsafePointer<xmlChar>, _ len: Int) {
        if skipping > 0 { return }
        let parent = Int(stack[stack.count - 1])
        // Layout whitespace at a block boundary ("\n    " between divs) means nothing to any pass: most
        // pages have as many such text nodes as elements, so they are not stored.
        let previous = tree.lastChild[parent]
        if !tree.tags[parent].isInline, previous < 0 || !tree.tags[Int(previous)].isInline {
            var blank = true
            for k in 0..<len where ch[k] > 0x20 { blank = false; break }
            if blank { return }
        }
        let from = Int32(tree.text.count)
        tree.text.append(contentsOf: UnsafeBufferPointer(start: ch, count: len))
        let to = Int32(tree.text.count)
        let last = tree.lastChild[parent]
        if last >= 0, tree.tags[Int(last)] == .text, tree.end[Int(last)] == from {
            tree.end[Int(last)] = to
        } else if tree.count < Self.maxNodes {
            tree.append(.text, parent: Int32(parent), start: from, end: to)
        }
    }
}
