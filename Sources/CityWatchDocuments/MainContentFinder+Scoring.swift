/// Readability's scoring: each text block scores by length and commas and hands its score up to its
/// ancestors; the best-scoring ancestor, together with strong siblings, is the article.
extension MainContentFinder {
    /// The best-scoring container and the siblings read with it (in document order); top is -1 when none.
    func readabilityContainers() -> (top: Int, nodes: [Int]) {
        let n = tree.count
        var score = Array(repeating: 0.0, count: n)
        var initialised = Array(repeating: false, count: n)
        var candidates: [Int] = []
        for i in 0..<n where !removed[i] && isScoredBlock(i) {
            let length = Int(textLength[i])
            guard length >= 25 else { continue }
            let blockScore = 1.0 + Double(commaCount(i)) + Double(min(length / 100, 3))
            // A div holding text directly is read as a <p> inside it (as readability does): the div is level 0.
            let tag = tree.tags[i]
            var ancestor = tag == .p || tag == .pre || tag == .td || tag == .blockquote ? Int(tree.parent[i]) : i
            var level = 0
            while ancestor > 0, level < 5 {
                if !initialised[ancestor] {
                    initialised[ancestor] = true
                    score[ancestor] = initialScore(ancestor)
                    candidates.append(ancestor)
                }
                let divider = level == 0 ? 1.0 : (level == 1 ? 2.0 : Double(level * 3))
                score[ancestor] += blockScore / divider
                ancestor = Int(tree.parent[ancestor])
                level += 1
            }
        }
        var top = -1
        var topScore = -Double.infinity
        for c in candidates {
            score[c] *= 1 - linkDensity(c)
            if score[c] > topScore { topScore = score[c]; top = c }
        }
        guard top > 0 else { return (-1, []) }
        // A candidate that is most of its parent's text is better read as the parent (split bodies).
        var node = top
        while true {
            let p = Int(tree.parent[node])
            guard p > 0, !removed[p], tree.tags[p] != .body, tree.tags[p] != .html else { break }
            guard initialised[p], score[p] >= score[node] * 0.75 || textLength[node] * 10 >= textLength[p] * 9 else { break }
            if textLength[p] > textLength[node] * 3 { break }
            node = p
        }
        if node != top { top = node; topScore = max(topScore, score[node]) }

        let parent = Int(tree.parent[top])
        guard parent >= 0 else { return (top, [top]) }
        let threshold = max(10, topScore * 0.2)
        let topClass = tree.attribute(top, .class)
        var result: [Int] = []
        for s in tree.children(parent) where !removed[s] {
            if s == top { result.append(s); continue }
            guard tree.tags[s] != .text else { continue }
            var siblingScore = initialised[s] ? score[s] : 0
            if let topClass, !topClass.isEmpty, tree.attribute(s, .class) == topClass { siblingScore += topScore * 0.2 }
            if siblingScore >= threshold { result.append(s); continue }
            if tree.tags[s] == .p {
                let length = Int(textLength[s])
                let density = linkDensity(s)
                if length > 80 && density < 0.25 { result.append(s) }
                else if length > 0 && length <= 80 && density == 0 && tree.plainText(s).contains(". ") { result.append(s) }
            }
        }
        return (top, result)
    }

    private func isScoredBlock(_ i: Int) -> Bool {
        switch tree.tags[i] {
        case .p, .pre, .td, .blockquote: return true
        case .div, .section, .article, .other, .span:
            // A div holding text directly (not through block children) counts as a paragraph.
            var direct = 0
            for c in tree.children(i) where tree.tags[c] == .text || (tree.tags[c].isInline && tree.tags[c] != .a) {
                direct += Int(textLength[c])
            }
            return direct >= 25 && tree.tags[i] != .span
        default: return false
        }
    }

    private func initialScore(_ i: Int) -> Double {
        var s: Double
        switch tree.tags[i] {
        case .div, .article, .section, .main: s = 5
        case .pre, .td, .blockquote: s = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: s = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: s = -5
        default: s = 0
        }
        if tree.tags[i] == .article { s += 10 }
        if tree.attribute(i, .itemprop) == "articlebody" { s += 50 }
        return s + BoilerplateClassifier.weight(classAndIDString(i))
    }
}
