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

    /// Kept on some elements only (HTMLTreeBuilder.keeps).
    var dependsOnElement: Bool {
        switch self {
        case .href, .rel, .name, .property: return true
        default: return false
        }
    }

    static func lookup(_ name: UnsafePointer<UInt8>) -> HTMLAttribute? {
        lookup(UnsafeBufferPointer(start: name, count: strlen(name)))
    }

    /// The attribute named by these bytes, letters in either case.
    static func lookup(_ name: UnsafeBufferPointer<UInt8>) -> HTMLAttribute? {
        guard let first = name.first else { return nil }
        func matches(_ expected: StaticString) -> Bool {
            guard name.count == expected.utf8CodeUnitCount else { return false }
            let e = expected.utf8Start
            for k in 0..<name.count where name[k] | 0x20 != e[k] { return false }
            return true
        }
        switch first | 0x20 {
        case UInt8(ascii: "c"):
            if matches("class") { return .class }
            if matches("content") { return .content }
            if matches("colspan") { return .colspan }
        case UInt8(ascii: "i"):
            if matches("id") { return .id }
            if matches("itemprop") { return .itemprop }
        case UInt8(ascii: "r"):
            if matches("role") { return .role }
            if matches("rel") { return .rel }
        case UInt8(ascii: "h"):
            if matches("href") { return .href }
            if matches("hidden") { return .hidden }
        case UInt8(ascii: "n"): if matches("name") { return .name }
        case UInt8(ascii: "p"): if matches("property") { return .property }
        case UInt8(ascii: "d"): if matches("datetime") { return .datetime }
        case UInt8(ascii: "t"): if matches("type") { return .type }
        case UInt8(ascii: "s"): if matches("style") { return .style }
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
    func children(_ node: Int) -> ChildSequence { ChildSequence(nextSibling: nextSibling, cursor: firstChild[node]) }

    /// Holds the sibling links alone: a copy of the whole tree per loop cost a dozen retains and releases.
    struct ChildSequence: Sequence, IteratorProtocol {
        let nextSibling: [Int32]
        var cursor: Int32
        mutating func next() -> Int? {
            guard cursor >= 0 else { return nil }
            let current = Int(cursor)
            cursor = nextSibling[current]
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
