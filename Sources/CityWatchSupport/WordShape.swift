/// A quick filter in front of a word set: for each first byte, the lengths (1…15 bytes) of the set's words. Most
/// words of a text ("the", "and", "said") are ruled out without hashing; a word it lets through still needs the set.
package struct WordShape: Sendable {
    private var table: [UInt16]

    package init<S: Sequence>(_ words: S) where S.Element == String {
        var table = [UInt16](repeating: 0, count: 128)
        for w in words {
            guard let b = w.utf8.first else { continue }
            if w.utf8.count >= 16 { table = [UInt16](repeating: 0xFFFF, count: 128); break }
            if b < 0x80 { table[Int(b)] |= 1 << UInt16(w.utf8.count) }   // non-ASCII starts always pass
        }
        self.table = table
    }

    /// False when no word of the set has this first byte and length.
    @inline(__always) package func mayContain(_ word: String) -> Bool {
        let n = word.utf8.count
        guard n < 16, let b = word.utf8.first else { return true }
        return b >= 0x80 || table[Int(b)] & (1 << UInt16(n)) != 0
    }
}

/// A set of words behind its shape filter: `contains` hashes only the words the filter lets through.
package struct WordSet: Sendable {
    let words: Set<String>
    private let shape: WordShape

    package init(_ words: Set<String>) {
        self.words = words
        self.shape = WordShape(words)
    }

    @inline(__always) package func contains(_ word: String) -> Bool { shape.mayContain(word) && words.contains(word) }
}
