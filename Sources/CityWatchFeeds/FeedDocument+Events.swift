import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Building a FeedDocument from libxml2's SAX2 events, as libxml2's own tree builder (SAX2.c, 2.9) builds its
/// tree from them:
/// - an element is pushed on the parser's node stack (nodePush, with its depth limit) before it is linked; the
///   parser itself pops the stack when a start tag is cut short, so the open elements are read from the
///   stack's depth at every event rather than kept apart;
/// - an undeclared prefix stays in the name ("prefix:local", from the dictionary), with no namespace;
/// - attribute values come as the parser left them: as written when they hold no reference, otherwise with
///   character references replaced and '&' as "&#38;", which the tree builder turns back into '&';
/// - text outside the root is dropped; comments and processing instructions are children without content.
/// Anything else (entity references, a DTD) sets `unsupported`, and the document is read with the tree.
extension FeedDocument {
    /// The handler set: libxml2's defaults (the document, entities, errors) with the tree-building events replaced.
    /// Copied for every parse: the parser options change it in place (NOCDATA drops cdataBlock).
    nonisolated(unsafe) static let handler: xmlSAXHandler = {
        var h = xmlSAXHandler()
        xmlSAXVersion(&h, 2)
        h.startElementNs = { ctx, localname, prefix, uri, _, _, nbAttributes, nbDefaulted, attributes in
            guard let ctx, let localname else { return }
            let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            building(ctxt) { $0.start(ctxt, localname, prefix, uri, nbAttributes, nbDefaulted, attributes) }
        }
        h.endElementNs = { ctx, _, _, _ in
            guard let ctx else { return }
            let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            building(ctxt) { document in
                document.sync(ctxt)
                _ = nodePop(ctxt)
                document.sync(ctxt)
            }
        }
        // One function for both: libxml2 then never asks whether white space is ignorable (which reads ctxt->node).
        let characters: charactersSAXFunc = { ctx, ch, len in
            guard let ctx, let ch else { return }
            let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            building(ctxt) { $0.characters(ctxt, ch, Int(len)) }
        }
        h.characters = characters
        h.ignorableWhitespace = characters
        h.cdataBlock = characters
        h.comment = { ctx, _ in
            guard let ctx else { return }
            let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            building(ctxt) { $0.other(ctxt) }
        }
        h.processingInstruction = { ctx, _, _ in
            guard let ctx else { return }
            let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            building(ctxt) { $0.other(ctxt) }
        }
        h.reference = { ctx, _ in
            guard let ctx else { return }
            giveUp(ctx.assumingMemoryBound(to: xmlParserCtxt.self))
        }
        h.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            giveUp(ctx.assumingMemoryBound(to: xmlParserCtxt.self))
        }
        h.externalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            giveUp(ctx.assumingMemoryBound(to: xmlParserCtxt.self))
        }
        return h
    }()

    /// What the parser's node stack holds for every open element: never read (the parser reads ctxt->node only
    /// to record node positions, for validation, and in entity and white-space handling this handler avoids).
    nonisolated(unsafe) private static let placeholder: xmlNodePtr = {
        let node = UnsafeMutablePointer<xmlNode>.allocate(capacity: 1)
        node.initialize(to: xmlNode())
        node.pointee.type = XML_ELEMENT_NODE
        return node
    }()

    /// The document being built by the parse `ctxt` runs (set in ctxt->_private by FeedParserContext.readEvents,
    /// which holds it for the parse: no retain and release per event).
    @inline(__always) static func building(_ ctxt: xmlParserCtxtPtr, _ body: (FeedDocument) -> Void) {
        Unmanaged<FeedDocument>.fromOpaque(ctxt.pointee._private)._withUnsafeGuaranteedRef(body)
    }

    private static func giveUp(_ ctxt: xmlParserCtxtPtr) {
        building(ctxt) { $0.unsupported = true }
        xmlStopParser(ctxt)
    }

    /// The open elements as deep as the parser's node stack.
    @inline(__always) func sync(_ ctxt: xmlParserCtxtPtr) {
        let depth = Int(ctxt.pointee.nodeNr)
        if open.count > depth {
            repeat { open.removeLast() } while open.count > depth
        } else if open.count < depth {
            unsupported = true  // never: only this handler pushes
        }
    }

    /// Links a new node as the last child of `parent`.
    @inline(__always) private func append(_ node: Record) -> Int32 {
        let index = Int32(nodes.count)
        nodes.append(node)
        let parent = node.parent
        if parent >= 0 {
            let last = nodes[Int(parent)].lastChild
            if last >= 0 { nodes[Int(last)].next = index } else { nodes[Int(parent)].firstChild = index }
            nodes[Int(parent)].lastChild = index
        }
        return index
    }

    func start(_ ctxt: xmlParserCtxtPtr, _ localname: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?,
               _ uri: UnsafePointer<xmlChar>?, _ nbAttributes: Int32, _ nbDefaulted: Int32,
               _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        sync(ctxt)
        var name = localname
        if prefix != nil, uri == nil, let full = xmlDictQLookup(ctxt.pointee.dict, prefix, localname) { name = full }
        let parent = open.last ?? -1
        // Pushed before it is linked: past the depth limit the parser stops and the element is not kept.
        guard nodePush(ctxt, Self.placeholder) >= 0 else { return }
        let index = append(Record(kind: .element, prefixed: prefix != nil, parent: parent, name: name, href: uri,
                                start: Int32(self.attributes.count), end: Int32(self.attributes.count)))
        if parent < 0, root < 0 { root = index }
        open.append(index)
        guard let attributes else { return }
        // Defaulted attributes come from a DTD, which this handler never sees; they would be left out anyway.
        let count = Int(nbAttributes - nbDefaulted)
        for i in 0..<max(count, 0) {
            guard let local = attributes[5 * i], let value = attributes[5 * i + 3], let valueEnd = attributes[5 * i + 4] else {
                continue
            }
            let attributePrefix = attributes[5 * i + 1]
            var attributeName = local
            let href = attributePrefix == nil ? nil : attributes[5 * i + 2]
            if let attributePrefix {
                if href == nil {
                    if let full = xmlDictQLookup(ctxt.pointee.dict, attributePrefix, local) { attributeName = full }
                } else if strcmp(UnsafeRawPointer(attributePrefix).assumingMemoryBound(to: CChar.self), "xml") == 0,
                          strcmp(UnsafeRawPointer(local).assumingMemoryBound(to: CChar.self), "id") == 0 {
                    unsupported = true  // the tree builder checks xml:id values and registers them
                }
            }
            let start = Int32(bytes.count)
            appendValue(value, valueEnd)
            self.attributes.append(Attribute(name: attributeName, href: href, start: start, end: Int32(bytes.count)))
        }
        nodes[Int(index)].end = Int32(self.attributes.count)
    }

    /// An attribute value into `bytes`. A value written without references ends at its quote in the input; one
    /// the parser rewrote is its own NUL-terminated copy, where '&' can only stand as "&#38;".
    private func appendValue(_ value: UnsafePointer<xmlChar>, _ end: UnsafePointer<xmlChar>) {
        let count = end - value
        guard count > 0 else { return }
        let raw = UnsafeBufferPointer(start: value, count: count)
        if memchr(value, 0, count) != nil { unsupported = true }
        if end.pointee != 0 || memchr(value, 0x26, count) == nil {
            bytes.append(contentsOf: raw)
            return
        }
        var i = 0
        while i < count {
            let c = raw[i]
            if c == 0x26 {
                if i + 4 < count, raw[i + 1] == 0x23, raw[i + 2] == 0x33, raw[i + 3] == 0x38, raw[i + 4] == 0x3B {
                    bytes.append(0x26)
                    i += 5
                    continue
                }
                unsupported = true
            }
            bytes.append(c)
            i += 1
        }
    }

    func characters(_ ctxt: xmlParserCtxtPtr, _ ch: UnsafePointer<xmlChar>, _ len: Int) {
        sync(ctxt)
        guard let parent = open.last else { return }  // text outside the root
        if len > 0, memchr(ch, 0, len) != nil { unsupported = true }
        let start = Int32(bytes.count)
        if len > 0 { bytes.append(contentsOf: UnsafeBufferPointer(start: ch, count: len)) }
        let last = nodes[Int(parent)].lastChild
        // Adjacent character data is one text node, as the tree builder coalesces it.
        if last >= 0, nodes[Int(last)].kind == .text {
            if nodes[Int(last)].end == start { nodes[Int(last)].end = Int32(bytes.count) } else { unsupported = true }
            return
        }
        _ = append(Record(kind: .text, parent: parent, start: start, end: Int32(bytes.count)))
    }

    /// A comment or processing instruction inside the root.
    func other(_ ctxt: xmlParserCtxtPtr) {
        sync(ctxt)
        guard let parent = open.last else { return }
        _ = append(Record(kind: .other, parent: parent))
    }
}
