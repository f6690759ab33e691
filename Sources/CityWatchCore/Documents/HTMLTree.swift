/// The attributes the extractor reads; the others are not kept.
enum HTMLAttribute: UInt8, Sendable {
    case `class`, id, role, itemprop, href, rel, name, property, content, datetime, colspan, hidden, type, style

    /// Values compared case-insensitively: stored lower-cased (ASCII) once, at parse time.
    var isLowerCased: Bool {
        switch self {
        case .class, .id, .role, .itemprop, .rel, .name, .property: return true
        default: return false
        }
    }

    static func lookup(_ name: UnsafePointer<UInt8>) -> HTMLAttribute? {
        switch name[0] {
        case UInt8(ascii: "c"):
            if strcmp(name, "class") == 0 { return .class }
            if strcmp(name, "content") == 0 { return .content }
            if strcmp(name, "colspan") == 0 { return .colspan }
        case UInt8(ascii: "i"):
            if strcmp(name, "id") == 0 { return .id }
            if strcmp(name, "itemprop") == 0 { return .itemprop }
        case UInt8(ascii: "r"):
            if strcmp(name, "role") == 0 { return .role }
            if strcmp(name, "rel") == 0 { return .rel }
        case UInt8(ascii: "h"):
            if strcmp(name, "href") == 0 { return .href }
            if strcmp(name, "hidden") == 0 { return .hidden }
        case UInt8(ascii: "n"): if strcmp(name, "name") == 0 { return .name }
        case UInt8(ascii: "p"): if strcmp(name, "property") == 0 { return .property }
        case UInt8(ascii: "d"): if strcmp(name, "datetime") == 0 { return .datetime }
        case UInt8(ascii: "t"): if strcmp(name, "type") == 0 { return .type }
        case UInt8(ascii: "s"): if strcmp(name, "style") == 0 { return .style }
        default: break
        }
        return nil
    }
}

/// A parsed page as flat arrays indexed by node number. Nodes are numbered in document order, so a parent
/// always has a smaller number than its descendants: bottom-up sums are one backward loop, top-down
/// inheritance one forward loop, and no pass needs recursion (pages can nest thousands of levels deep).
struct HTMLTree {
    static let none: Int32 = -1

    var tags: [HTMLTag] = []
    var parent: [Int32] = []
    var firstChild: [Int32] = []
    var lastChild: [Int32] = []
    var nextSibling: [Int32] = []
    /// For text nodes: the byte range in `text`. For elements: the range of their attributes in `attributes`.
    var start: [Int32] = []
    var end: [Int32] = []
    var attributes: [(name: HTMLAttribute, value: String)] = []
    /// UTF-8 text of all text nodes, back to back.
    var text: [UInt8] = []

    var count: Int { tags.count }

    @discardableResult
    mutating func append(_ tag: HTMLTag, parent p: Int32, start s: Int32, end e: Int32) -> Int32 {
        let index = Int32(tags.count)
        tags.append(tag)
        parent.append(p)
        firstChild.append(Self.none)
        lastChild.append(Self.none)
        nextSibling.append(Self.none)
        start.append(s)
        end.append(e)
        if p >= 0 {
            let last = lastChild[Int(p)]
            if last >= 0 { nextSibling[Int(last)] = index } else { firstChild[Int(p)] = index }
            lastChild[Int(p)] = index
        }
        return index
    }

    /// The value of an attribute of an element.
    func attribute(_ node: Int, _ name: HTMLAttribute) -> String? {
        guard tags[node] != .text else { return nil }
        var i = Int(start[node])
        let e = Int(end[node])
        while i < e {
            if attributes[i].name == name { return attributes[i].value }
            i += 1
        }
        return nil
    }

    func hasAttributes(_ node: Int) -> Bool { tags[node] != .text && end[node] > start[node] }

    /// The children of a node, in order.
    func children(_ node: Int) -> ChildSequence { ChildSequence(tree: self, first: firstChild[node]) }

    struct ChildSequence: Sequence, IteratorProtocol {
        let tree: HTMLTree
        var cursor: Int32
        init(tree: HTMLTree, first: Int32) { self.tree = tree; self.cursor = first }
        mutating func next() -> Int? {
            guard cursor >= 0 else { return nil }
            let current = Int(cursor)
            cursor = tree.nextSibling[current]
            return current
        }
    }

    /// For each node, the node after its whole subtree (filled by `finish`).
    var ends: [Int32] = []

    /// The node after the whole subtree of `node` (its last descendant + 1).
    func subtreeEnd(_ node: Int) -> Int { Int(ends[node]) }

    /// Computes `ends` in one forward pass (a parent's end is known before its children's).
    mutating func finish() {
        ends = Array(repeating: Int32(count), count: count)
        for i in 0..<count {
            if nextSibling[i] >= 0 { ends[i] = nextSibling[i] } else if parent[i] >= 0 { ends[i] = ends[Int(parent[i])] }
        }
    }

    /// The text of a subtree with whitespace collapsed; block boundaries become spaces.
    func plainText(_ node: Int, skippingLists: Bool = false) -> String {
        var bytes: [UInt8] = []
        let stop = tags[node] == .text ? node + 1 : subtreeEnd(node)
        var i = node
        while i < stop {
            let tag = tags[i]
            if tag == .text {
                bytes.append(contentsOf: text[Int(start[i])..<Int(end[i])])
            } else if skippingLists, i != node, tag == .ul || tag == .ol {
                i = subtreeEnd(i)
                continue
            } else if !tag.isInline {
                bytes.append(0x20)
            }
            i += 1
        }
        return HTMLText.normalize(bytes)
    }

    /// The lines of a preformatted subtree, each normalised, blank ones left out.
    func plainTextLines(_ node: Int) -> [String] {
        var bytes: [UInt8] = []
        let stop = subtreeEnd(node)
        for i in node..<stop {
            if tags[i] == .text { bytes.append(contentsOf: text[Int(start[i])..<Int(end[i])]) }
            else if tags[i] == .br { bytes.append(0x0A) }
        }
        return bytes.split(separator: 0x0A).map { HTMLText.normalize(Array($0)) }.filter { !$0.isEmpty }
    }
}

import Foundation
