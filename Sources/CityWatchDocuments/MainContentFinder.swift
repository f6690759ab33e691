import Foundation
import CityWatchSupport

/// Finds the article body in a page tree: furniture is pruned, then the container is chosen from explicit
/// markers (`itemprop=articleBody`, CMS body classes) checked against a readability-style score of text blocks.
struct MainContentFinder {
    let tree: HTMLTree
    /// Nodes dropped with their subtree (furniture).
    private(set) var removed: [Bool]
    /// Roots of dropped subtrees, for the boilerplate listing.
    private(set) var removedRoots: [Int] = []
    /// Visible text bytes (spaces excluded) under each node, dropped subtrees excluded.
    private(set) var textLength: [Int32]
    /// The part of `textLength` inside links.
    private(set) var linkLength: [Int32]
    private var commas: [Int32]
    /// Visible bytes and commas of each text node, counted once (`measure` runs three times).
    private let ownText: [Int32]
    private let ownCommas: [Int32]
    private var classAndID: [String]

    func commaCount(_ i: Int) -> Int { Int(commas[i]) }
    func classAndIDString(_ i: Int) -> String { classAndID[i] }

    init(tree: HTMLTree) {
        self.tree = tree
        let n = tree.count
        removed = Array(repeating: false, count: n)
        textLength = Array(repeating: 0, count: n)
        linkLength = Array(repeating: 0, count: n)
        commas = Array(repeating: 0, count: n)
        classAndID = Array(repeating: "", count: n)
        (ownText, ownCommas) = Self.countText(tree)
        for i in 0..<n where tree.hasAttributes(i) {
            let c = tree.attribute(i, .class), d = tree.attribute(i, .id)
            if let c, let d { classAndID[i] = c + " " + d } else if let v = c ?? d { classAndID[i] = v }
        }
        measure()
        prune()
        measure()
    }

    /// Visible (non-space) bytes and commas of each text node.
    private static func countText(_ tree: HTMLTree) -> ([Int32], [Int32]) {
        var length = Array(repeating: Int32(0), count: tree.count)
        var commas = Array(repeating: Int32(0), count: tree.count)
        tree.text.withUnsafeBufferPointer { text in
            for i in 0..<tree.count where tree.tags[i] == .text {
                var len: Int32 = 0, c: Int32 = 0
                for k in Int(tree.start[i])..<Int(tree.end[i]) {
                    let b = text[k]
                    if b > 0x20 { len += 1 }
                    if b == 0x2C { c += 1 }
                }
                length[i] = len
                commas[i] = c
            }
        }
        return (length, commas)
    }

    /// Bottom-up sums of text, link text and commas (one backward pass: children have larger numbers).
    private mutating func measure() {
        let n = tree.count
        for i in 0..<n {
            let kept = !removed[i]
            textLength[i] = kept ? ownText[i] : 0
            linkLength[i] = 0
            commas[i] = kept ? ownCommas[i] : 0
        }
        for i in stride(from: n - 1, through: 0, by: -1) where !removed[i] {
            if tree.tags[i] == .a { linkLength[i] = textLength[i] }
            let p = Int(tree.parent[i])
            if p >= 0 {
                textLength[p] += textLength[i]
                linkLength[p] += linkLength[i]
                commas[p] += commas[i]
            }
        }
    }

    /// Furniture by tag, role and hidden-ness first; then by class/id words, sparing the ancestors of the
    /// body markers and of the best-scoring text container ("has-sidebar" on a page wrapper).
    private mutating func prune() {
        let n = tree.count
        for i in 1..<n {
            if removed[Int(tree.parent[i])] { removed[i] = true; continue }
            guard tree.tags[i] != .text, tree.hasAttributes(i) || isFurnitureTag(tree.tags[i]) else { continue }
            if isFurnitureTag(tree.tags[i]) && !(tree.tags[i] == .header && textLength[i] > 2000) || isHidden(i)
                || BoilerplateClassifier.isFurnitureRole(tree.attribute(i, .role)) {
                removed[i] = true
                removedRoots.append(i)
            }
        }
        measure()
        var protected = Array(repeating: false, count: n)
        func protect(_ node: Int) {
            var a = node
            while a >= 0 && !protected[a] { protected[a] = true; a = Int(tree.parent[a]) }
        }
        for i in 0..<n where !removed[i] && tree.hasAttributes(i) && textLength[i] >= 500 {
            if tree.attribute(i, .itemprop) == "articlebody" || BoilerplateClassifier.isBodyHint(classAndID[i]) {
                protect(i)
            }
        }
        let top = readabilityContainers().top
        if top > 0 { protect(top) }
        // Many elements share a class string: judge each string once.
        var verdicts: [String: (furniture: Bool, strong: Bool)] = [:]
        for i in 1..<n {
            if removed[Int(tree.parent[i])] { removed[i] = true; continue }
            guard tree.tags[i] != .text, !protected[i], !removed[i], !classAndID[i].isEmpty,
                  BoilerplateClassifier.mayBeFurniture(tree.tags[i]) else { continue }
            let verdict: (furniture: Bool, strong: Bool)
            if let known = verdicts[classAndID[i]] { verdict = known } else {
                let words = BoilerplateClassifier.words(classAndID[i])
                verdict = (BoilerplateClassifier.isFurniture(words), BoilerplateClassifier.isStrongFurniture(words))
                verdicts[classAndID[i]] = verdict
            }
            guard verdict.furniture else { continue }
            // A block holding a large share of the best container's prose is content, whatever its class says.
            if top > 0, textLength[i] * 10 >= textLength[top] * 3, linkDensity(i) < 0.3, !verdict.strong { continue }
            removed[i] = true
            removedRoots.append(i)
        }
    }

    private func isFurnitureTag(_ tag: HTMLTag) -> Bool {
        tag == .nav || tag == .aside || tag == .footer || tag == .header || tag == .menu
    }

    private func isHidden(_ i: Int) -> Bool {
        if tree.attribute(i, .hidden) != nil { return true }
        guard let style = tree.attribute(i, .style), ByteSearch.containsAny(style, ["none", "hidden"]) else { return false }
        let compact = String(decoding: style.utf8.filter { $0 != 0x20 }.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 },
                             as: UTF8.self)
        return ByteSearch.containsAny(compact, ["display:none", "visibility:hidden"])
    }

    func linkDensity(_ i: Int) -> Double {
        textLength[i] == 0 ? 0 : Double(linkLength[i]) / Double(textLength[i])
    }

    /// The nodes whose content is the article, in document order (empty when nothing qualifies).
    func containers() -> [Int] {
        let (topNode, readability) = readabilityContainers()
        let readabilityText = readability.reduce(0) { $0 + Int(textLength[$1]) }
        guard let hint = bestHint(), textLength[hint] >= 200 else { return readability }
        let hintText = Int(textLength[hint])
        let top: Int? = topNode > 0 ? topNode : nil
        if let top, isAncestor(hint, of: top) || hintText * 2 >= readabilityText || top == hint {
            return withSameClassSiblings(hint)
        }
        return readability.isEmpty ? withSameClassSiblings(hint) : readability
    }

    private func bestHint() -> Int? {
        var best: Int?
        var bestIsItemprop = false
        for i in 0..<tree.count where !removed[i] && tree.hasAttributes(i) {
            guard textLength[i] >= 200 else { continue }
            let isItemprop = tree.attribute(i, .itemprop) == "articlebody"
            guard isItemprop || BoilerplateClassifier.isBodyHint(classAndID[i]) else { continue }
            if let b = best {
                if bestIsItemprop && !isItemprop { continue }
                if isItemprop == bestIsItemprop && textLength[i] <= textLength[b] { continue }
            }
            best = i
            bestIsItemprop = isItemprop
        }
        return best
    }

    /// Bodies split into chunks of the same class (one per ad slot, at any level: Wired, the NYT) are read
    /// together: every element with the hint's exact class, outside one another, in document order.
    private func withSameClassSiblings(_ node: Int) -> [Int] {
        guard let cls = tree.attribute(node, .class), !cls.isEmpty else { return [node] }
        var result: [Int] = []
        var i = 1
        while i < tree.count {
            if removed[i] { i = tree.subtreeEnd(i); continue }
            if tree.tags[i] == tree.tags[node], tree.hasAttributes(i), tree.attribute(i, .class) == cls, textLength[i] > 0 {
                result.append(i)
                i = tree.subtreeEnd(i)
                continue
            }
            i += 1
        }
        return result.isEmpty ? [node] : result
    }

    func isAncestor(_ a: Int, of b: Int) -> Bool {
        var x = b
        while x > a { x = Int(tree.parent[x]) }
        return x == a
    }
}

extension MainContentFinder {
    /// Short lines (links, list items, headings) of the furniture that was dropped, for `boilerplate`.
    func furnitureLines(limit: Int) -> [String] {
        var lines: [String] = []
        var seen = Set<String>()
        for root in removedRoots {
            let stop = tree.subtreeEnd(root)
            var j = root
            while j < stop, lines.count < limit {
                switch tree.tags[j] {
                case .a, .li, .h1, .h2, .h3, .h4, .h5, .h6, .p:
                    let text = tree.plainText(j)
                    if !text.isEmpty, text.utf8.count <= 80 || text.count <= 80, seen.insert(text).inserted { lines.append(text) }
                    j = tree.subtreeEnd(j)
                default:
                    j += 1
                }
            }
            if lines.count >= limit { break }
        }
        return lines
    }
}
