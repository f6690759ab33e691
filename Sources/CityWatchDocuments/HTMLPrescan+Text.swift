import Foundation

/// Text between tags: layout whitespace is cut, and plain text between two tags is read here and handed to
/// the tree builder past libxml2, which would read it a character at a time.
extension HTMLPrescan {
    /// Text with its leading and trailing runs of layout spaces (space, tab, CR, LF) cut to one byte, a line
    /// feed when the run held one (`<pre>` lines): most are the indentation between tags, every pass
    /// collapses whitespace anyway, and libxml2 reads text a character at a time. A run stays blank or not,
    /// so libxml2 builds the same elements. Runs inside the text are rare and left alone.
    static func collapseWhitespace(_ text: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        func appendRun(_ run: Range<Int>) {
            guard run.count > 1 else { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run])); return }
            out.append(text[run].contains(0x0A) ? 0x0A : 0x20)
        }
        let n = text.count
        var a = 0
        while a < n, isBlank(text[a]) { a += 1 }
        var z = n
        while z > a, isBlank(text[z - 1]) { z -= 1 }
        appendRun(0..<a)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[a..<z]))
        if z > a { appendRun(z..<n) }
    }

    /// The index after an end tag's `>` when `</` is followed by a plain name, blanks and `>`.
    static func endTag(_ input: UnsafeBufferPointer<UInt8>, at: Int) -> Int? {
        var j = at
        let n = input.count
        guard j < n, input[j] | 0x20 >= 0x61, input[j] | 0x20 <= 0x7A else { return nil }
        while j < n, (input[j] | 0x20 >= 0x61 && input[j] | 0x20 <= 0x7A) || (input[j] >= 0x30 && input[j] <= 0x39)
            || input[j] == UInt8(ascii: "-") || input[j] == UInt8(ascii: ":") || input[j] == UInt8(ascii: "_")
            || input[j] == UInt8(ascii: ".") { j += 1 }
        while j < n, isBlank(input[j]) { j += 1 }
        return j < n && input[j] == UInt8(ascii: ">") ? j + 1 : nil
    }

    /// What libxml2 sees of a text read here: one letter, so the text stays not blank to it.
    static let textStandIn = UInt8(ascii: "t")

    /// `<` then a letter, or `</` then a letter, and not an element cut out here: markup that libxml2 will
    /// see and that ends its text run (a stand-in must come to the tree builder as one callback of its own).
    static func opensTag(_ input: UnsafeBufferPointer<UInt8>, at lt: Int) -> Bool {
        func isLetter(_ x: UInt8) -> Bool { x | 0x20 >= 0x61 && x | 0x20 <= 0x7A }
        guard lt + 2 < input.count else { return false }
        let a = input[lt + 1]
        if a == UInt8(ascii: "/") { return isLetter(input[lt + 2]) }
        guard isLetter(a) else { return false }
        return !rawElements.contains { a | 0x20 == $0[0] && matchesTag(input, at: lt + 1, name: $0) }
    }

    /// Text libxml2 would pass on unchanged: no character references, no control characters it drops
    /// (U+FFFE/FFFF included), and not blank (a blank run can decide libxml2's implied elements).
    static func isPlainText(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress, text.contains(where: { $0 > 0x20 }) else { return false }
        // Eight bytes at a time while none needs a look: no byte below 0x20, no "&", no 0xEF.
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var k = 0
        while k + 8 <= text.count {
            let x = UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
            let amp = x ^ (ones &* 0x26), ef = x ^ (ones &* 0xEF)
            let flagged = ((x &- ones &* 0x20) & ~x) | ((amp &- ones) & ~amp) | ((ef &- ones) & ~ef)
            if flagged & highs != 0 { break }
            k += 8
        }
        while k < text.count {
            let b = text[k]
            if b == 0x26 { return false }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { return false }
            if b == 0xEF, k + 2 < text.count, text[k + 1] == 0xBF, text[k + 2] >= 0xBE { return false }
            k += 1
        }
        return true
    }
}
