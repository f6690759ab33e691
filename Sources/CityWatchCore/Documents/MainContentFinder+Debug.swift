import Foundation

extension MainContentFinder {
    func describe(_ i: Int) -> String {
        "#\(i) <\(tree.tags[i])> class=\(tree.attribute(i, .class) ?? "") id=\(tree.attribute(i, .id) ?? "") text=\(textLength[i]) ld=\(String(format: "%.2f", linkDensity(i)))"
    }

    func debugDump(_ containers: [Int]) {
        var out = "containers:\n"
        for c in containers { out += "  " + describe(c) + "\n" }
        out += "big removed roots:\n"
        for r in removedRoots {
            var raw = 0
            for j in r..<tree.subtreeEnd(r) where tree.tags[j] == .text { raw += Int(tree.end[j] - tree.start[j]) }
            if raw > 500 { out += "  " + describe(r) + " raw=\(raw)\n" }
        }
        FileHandle.standardError.write(Data(out.utf8))
    }
}
