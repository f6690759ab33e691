import CLibXML2
import Foundation

/// Serializes markup inside feed fields (xhtml content, naked HTML), sanitized and with relative URIs resolved.
extension XMLNode {
    /// The markup inside a node, serialized (xhtml content, naked HTML in RSS fields).
    static func innerXML(_ node: xmlNodePtr, base: String? = nil) -> String {
        var out: [UInt8] = []
        var budget = 1 << 22
        var child = node.pointee.children
        while let c = child {
            serialize(c, into: &out, budget: &budget, base: base)
            child = c.pointee.next
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let unsafeElements: Set<String> = ["script", "style", "applet"]

    static let voidElements: Set<String> = ["br", "hr", "img", "input", "meta", "link", "area", "base", "col", "param", "embed", "source", "wbr"]

    static func serialize(_ node: xmlNodePtr, into out: inout [UInt8], budget: inout Int, base: String?) {
        guard budget > 0 else { return }
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content {
                let len = Int(strlen(content))
                budget -= len
                escape(UnsafeBufferPointer(start: content, count: len), into: &out, attribute: false)
            }
        case XML_ENTITY_REF_NODE:
            budget -= 16
            var child = node.pointee.children
            while let c = child { serialize(c, into: &out, budget: &budget, base: base); child = c.pointee.next }
        case XML_ELEMENT_NODE:
            var name = node.pointee.name.map { String(cString: $0) } ?? ""
            if let colon = name.firstIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
            // Scripts and styles never reach a reader (feed readers sanitize them away with their content).
            if unsafeElements.contains(name.lowercased()) { return }
            out.append(0x3C); out.append(contentsOf: name.utf8)
            var attr = node.pointee.properties
            while let a = attr {
                out.append(0x20)
                let attrName = a.pointee.name.map { String(cString: $0) } ?? ""
                out.append(contentsOf: attrName.utf8)
                out.append(contentsOf: [0x3D, 0x22])
                var value = attributeValue(a)
                if let base, FeedLinks.uriAttributes.contains(attrName.lowercased()) { value = FeedLinks.resolve(value, against: base) }
                let v = Array(value.utf8)
                v.withUnsafeBufferPointer { escape($0, into: &out, attribute: true) }
                out.append(0x22)
                attr = a.pointee.next
            }
            if node.pointee.children == nil && voidElements.contains(name) {
                out.append(contentsOf: [0x20, 0x2F, 0x3E])
                return
            }
            out.append(0x3E)
            var child = node.pointee.children
            while let c = child { serialize(c, into: &out, budget: &budget, base: base); child = c.pointee.next }
            out.append(contentsOf: [0x3C, 0x2F]); out.append(contentsOf: name.utf8); out.append(0x3E)
        default:
            break
        }
    }

    static func escape(_ s: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], attribute: Bool) {
        for c in s {
            switch c {
            case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])
            case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])
            case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])
            case 0x22 where attribute: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])
            default: out.append(c)
            }
        }
    }
}
