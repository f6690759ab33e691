import Foundation

/// A byte-level pass before libxml2 sees a page: it finds the charset and cuts out scripts, styles, comments,
/// SVG and the like. They carry no article text, yet they are most of a modern page's bytes and libxml2 would
/// tokenise them character by character; JSON-LD scripts are kept aside for the metadata. Start tags lose the
/// attributes nothing reads (HTMLPrescan+StartTag).
enum HTMLPrescan {
    struct Result {
        var bytes: [UInt8]
        var jsonLD: [String]
        /// Attributes read here rather than by libxml2 (class and id lower-cased), and for each tag that had
        /// some the range of its group in `attributes`.
        var attributes: [(name: HTMLAttribute, value: String)] = []
        var groups: [Range<Int32>] = []
        /// Texts read here rather than by libxml2, back to back, and each stand-in's range in `texts`.
        var texts: [UInt8] = []
        var textRanges: [Range<Int32>] = []
        /// Where in `bytes` each such tag's `>` (or `/>`) and each stand-in's end stand: libxml2's parse
        /// position when it reports them, which is how the tree builder finds what belongs where.
        var groupEnds: [Int32] = []
        var textEnds: [Int32] = []
    }

    /// Elements whose whole content is dropped here (their end tag is searched for literally).
    static let rawElements: [[UInt8]] = ["script", "style", "svg", "noscript", "template", "iframe", "math"]
        .map { Array($0.utf8) }

    static func strip(_ input: UnsafeBufferPointer<UInt8>) -> Result {
        let n = input.count
        var out = [UInt8]()
        out.reserveCapacity(n)
        var jsonLD: [String] = []
        var copied = 0      // input[copied..<i] not yet copied
        var kept: [Range<Int>] = []
        var i = 0
        var side: [(name: HTMLAttribute, value: Range<Int>)] = []
        var attributes: [(name: HTMLAttribute, value: String)] = []
        var groups: [Range<Int32>] = []
        var textFrom = 0    // input[textFrom..<i] is page text (-1: not known to be, after markup left as it was)
        var afterTag = false  // textFrom is the end of a start or end tag
        var texts: [UInt8] = []
        var textRanges: [Range<Int32>] = []
        var groupEnds: [Int32] = [], textEnds: [Int32] = []
        guard let base = input.baseAddress else { return Result(bytes: [], jsonLD: []) }
        while i < n {
            let found = memchr(base + i, 0x3C, n - i)
            let lt = found.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? n
            if textFrom >= 0, lt - textFrom > 1 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<textFrom]))
                let text = UnsafeBufferPointer(rebasing: input[textFrom..<lt])
                if afterTag, opensTag(input, at: lt), isPlainText(text) {
                    // Text between two tags goes past libxml2: it sees a one-letter stand-in.
                    out.append(textStandIn)
                    textRanges.append(Int32(texts.count)..<Int32(texts.count + text.count))
                    texts.append(contentsOf: text)
                    textEnds.append(Int32(out.count))
                } else {
                    collapseWhitespace(text, into: &out)
                }
                copied = lt
            }
            afterTag = false
            i = lt + 1
            guard i < n else { break }
            let c = input[i]
            if c == UInt8(ascii: "!"), i + 2 < n, input[i + 1] == 0x2D, input[i + 2] == 0x2D {
                // Comment: up to "-->" (or the end of the page, as browsers do).
                let end = find(input, Array("-->".utf8), from: i + 3, caseInsensitive: false) ?? n
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<lt]))
                i = min(n, end + 3)
                copied = i
                textFrom = i
                continue
            }
            if c == UInt8(ascii: "/") {
                textFrom = endTag(input, at: i + 1) ?? -1
                if textFrom >= 0 { i = textFrom; afterTag = true }
                continue
            }
            let lower = c | 0x20
            guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") else {
                // "<" not opening a tag is text to libxml2 too; "<!DOCTYPE" and "<?" are left alone.
                textFrom = c == UInt8(ascii: "!") || c == UInt8(ascii: "?") ? -1 : (textFrom >= 0 ? lt : -1)
                continue
            }
            var isRaw = false
            for name in rawElements where lower == name[0] && matchesTag(input, at: i, name: name) {
                isRaw = true
                let openEnd = find(input, [UInt8(ascii: ">")], from: i, caseInsensitive: false) ?? n
                let close = [UInt8(ascii: "<"), UInt8(ascii: "/")] + name
                let closeAt = find(input, close, from: openEnd, caseInsensitive: true) ?? n
                if name[0] == UInt8(ascii: "s"), name.count == 6, name[1] == UInt8(ascii: "c"), openEnd < closeAt,
                   isJSONLD(input[i..<openEnd]) {
                    jsonLD.append(String(decoding: input[(openEnd + 1)..<closeAt], as: UTF8.self))
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<lt]))
                let afterClose = closeAt >= n ? n : (find(input, [UInt8(ascii: ">")], from: closeAt, caseInsensitive: false) ?? n - 1) + 1
                i = min(n, afterClose)
                copied = i
                textFrom = i
                break
            }
            if isRaw { continue }
            guard let tag = readStartTag(input, at: i, kept: &kept, side: &side) else { textFrom = -1; continue }
            if tag.droppedAny {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<tag.nameEnd]))
                if !side.isEmpty {
                    let first = Int32(attributes.count)
                    for (name, range) in side {
                        attributes.append((name, string(UnsafeBufferPointer(rebasing: input[range]), lowerCased: name.isLowerCased)))
                    }
                    groups.append(first..<Int32(attributes.count))
                }
                for range in kept {
                    out.append(0x20)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: input[range]))
                }
                if !side.isEmpty { groupEnds.append(Int32(out.count)) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[tag.closeStart..<tag.end]))
                copied = tag.end
            }
            i = tag.end
            textFrom = tag.end
            afterTag = true
        }
        if copied < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<n])) }
        return Result(bytes: out, jsonLD: jsonLD, attributes: attributes, groups: groups, texts: texts,
                      textRanges: textRanges, groupEnds: groupEnds, textEnds: textEnds)
    }

    /// Layout white space between and inside tags: space, LF, tab, CR.
    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }

    /// A String of the bytes, ASCII letters lower-cased when asked.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, lowerCased: Bool) -> String {
        guard lowerCased else { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for k in 0..<bytes.count {
                let b = bytes[k]
                buffer[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            }
            return bytes.count
        }
    }

    /// Whether `name` starts at `at`, followed by a character that ends a tag name.
    static func matchesTag(_ input: UnsafeBufferPointer<UInt8>, at: Int, name: [UInt8]) -> Bool {
        guard at + name.count < input.count else { return false }
        for k in 0..<name.count where input[at + k] | 0x20 != name[k] { return false }
        let next = input[at + name.count]
        return next == 0x20 || next == 0x3E || next == 0x2F || next == 0x0A || next == 0x0D || next == 0x09
    }

    private static func isJSONLD(_ tag: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        find(UnsafeBufferPointer(rebasing: tag), Array("ld+json".utf8), from: 0, caseInsensitive: true) != nil
    }

    /// The first index of `needle` at or after `from` (ASCII case folding when asked).
    static func find(_ input: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], from: Int, caseInsensitive: Bool) -> Int? {
        guard let base = input.baseAddress, !needle.isEmpty else { return nil }
        let n = input.count
        var i = from
        let first = needle[0]
        while i + needle.count <= n {
            guard let hit = memchr(base + i, Int32(first), n - i - needle.count + 1) else { return nil }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var ok = true
            for k in 1..<needle.count {
                let b = input[at + k]
                if b != needle[k] && !(caseInsensitive && b | 0x20 == needle[k]) { ok = false; break }
            }
            if ok { return at }
            i = at + 1
        }
        return nil
    }

    /// The charset named by a `<meta charset>` or `http-equiv` Content-Type in the first 4 KB, lower-cased.
    static func metaCharset(_ input: UnsafeBufferPointer<UInt8>) -> String? {
        let head = UnsafeBufferPointer(rebasing: input[0..<min(input.count, 4096)])
        var from = 0
        let key = Array("charset".utf8)
        while let at = find(head, key, from: from, caseInsensitive: true) {
            from = at + key.count
            var j = from
            while j < head.count, head[j] == 0x20 { j += 1 }
            guard j < head.count, head[j] == UInt8(ascii: "=") else { continue }
            j += 1
            while j < head.count, head[j] == 0x20 || head[j] == 0x22 || head[j] == 0x27 { j += 1 }
            var k = j
            while k < head.count, isCharsetByte(head[k]) { k += 1 }
            if k > j { return String(decoding: head[j..<k], as: UTF8.self).lowercased() }
        }
        return nil
    }

    private static func isCharsetByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x3A
    }
}
