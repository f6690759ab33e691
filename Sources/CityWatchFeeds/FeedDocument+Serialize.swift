import CLibXML2

/// Serializes markup inside feed fields of a FeedDocument, as XMLNode.innerXML does over libxml2's tree (same
/// sanitizing, URI resolution and budget, node for node).
extension FeedDocument {
    func innerXML(_ node: Int32, base: String?) -> String {
        var out: [UInt8] = []
        var budget = 1 << 22
        var child = nodes[Int(node)].firstChild
        while child >= 0 {
            serialize(child, into: &out, budget: &budget, base: base)
            child = nodes[Int(child)].next
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func serialize(_ node: Int32, into out: inout [UInt8], budget: inout Int, base: String?) {
        guard budget > 0 else { return }
        let n = nodes[Int(node)]
        switch n.kind {
        case .text:
            budget -= Int(n.end - n.start)
            bytes.withUnsafeBufferPointer {
                XMLNode.escape(UnsafeBufferPointer(rebasing: $0[Int(n.start)..<Int(n.end)]), into: &out, attribute: false)
            }
        case .element:
            var name = n.name.map { String(cString: $0) } ?? ""
            if let colon = name.firstIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
            if XMLNode.unsafeElements.contains(name.lowercased()) { return }
            out.append(0x3C); out.append(contentsOf: name.utf8)
            for a in attributes[Int(n.start)..<Int(n.end)] {
                out.append(0x20)
                let attrName = String(cString: a.name)
                out.append(contentsOf: attrName.utf8)
                out.append(contentsOf: [0x3D, 0x22])
                var value = string(a.start, a.end)
                if let base, FeedLinks.uriAttributes.contains(attrName.lowercased()) { value = FeedLinks.resolve(value, against: base) }
                let v = Array(value.utf8)
                v.withUnsafeBufferPointer { XMLNode.escape($0, into: &out, attribute: true) }
                out.append(0x22)
            }
            if n.firstChild < 0 && XMLNode.voidElements.contains(name) {
                out.append(contentsOf: [0x20, 0x2F, 0x3E])
                return
            }
            out.append(0x3E)
            var child = n.firstChild
            while child >= 0 { serialize(child, into: &out, budget: &budget, base: base); child = nodes[Int(child)].next }
            out.append(contentsOf: [0x3C, 0x2F]); out.append(contentsOf: name.utf8); out.append(0x3E)
        case .other:
            break
        }
    }
}
