import Foundation

/// Start tags are rewritten without the attributes no pass reads (link URLs, image sources and srcsets,
/// data-*, inline handlers): a third of a page's markup that libxml2 would otherwise copy byte by byte and
/// allocate. The kept attributes without character references (most class and id values) go past libxml2
/// too: they are stored in `Result.attributes`, found again by libxml2's position at the tag's end.
/// The tag is read by libxml2's own rules (htmlParseStartTag); anything unusual is left as it is.
extension HTMLPrescan {
    /// A start tag read from the page: where its name ends, where its closing `>` or `/>` starts, the index
    /// after it, and whether an attribute was left out.
    struct StartTag {
        var nameEnd = 0
        var closeStart = 0
        var end = 0
        var droppedAny = false
    }

    /// Reads the start tag whose name begins at `at` (just after `<`), collecting the byte ranges of the kept
    /// attributes libxml2 must decode in `kept` and the others in `side`; nil when it is not a plainly formed
    /// tag (libxml2 then sees it untouched).
    static func readStartTag(_ input: UnsafeBufferPointer<UInt8>, at: Int, kept: inout [Range<Int>],
                             side: inout [(name: HTMLAttribute, value: Range<Int>)]) -> StartTag? {
        kept.removeAll(keepingCapacity: true)
        side.removeAll(keepingCapacity: true)
        var seen: UInt32 = 0   // attributes met in this tag: libxml2 keeps the first of a repeated one
        let n = input.count
        var j = at
        while j < n, isNameByte(input[j]) { j += 1 }
        guard j - at < 100, j < n else { return nil }
        var tag = StartTag()
        tag.nameEnd = j
        var element: HTMLTag?   // looked up only for the attributes kept on some elements alone
        while true {
            while j < n, isBlank(input[j]) { j += 1 }
            guard j < n else { return nil }
            let c = input[j]
            if c == UInt8(ascii: ">") || c == UInt8(ascii: "/") && j + 1 < n && input[j + 1] == UInt8(ascii: ">") {
                tag.closeStart = j
                tag.end = j + (c == UInt8(ascii: ">") ? 1 : 2)
                return tag
            }
            // An attribute: name, then optionally `=` and a quoted or bare value.
            guard isNameStart(c) else { return nil }
            let nameStart = j
            while j < n, isNameByte(input[j]) { j += 1 }
            let nameEnd = j
            guard nameEnd - nameStart < 100 else { return nil }
            var valueRange = 0..<0
            var k = j
            while k < n, isBlank(input[k]) { k += 1 }
            if k < n, input[k] == UInt8(ascii: "=") {
                k += 1
                while k < n, isBlank(input[k]) { k += 1 }
                guard k < n else { return nil }
                let q = input[k]
                if q == 0x22 || q == 0x27 {
                    guard let hit = memchr(input.baseAddress! + k + 1, Int32(q), n - k - 1) else { return nil }
                    let close = input.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    valueRange = (k + 1)..<close
                    j = close + 1
                } else {
                    var e = k
                    while e < n, !isBlank(input[e]), input[e] != UInt8(ascii: ">"), input[e] != 0 { e += 1 }
                    guard e > k else { return nil }
                    valueRange = k..<e
                    j = e
                }
            }
            let value = UnsafeBufferPointer(rebasing: input[valueRange])
            let attribute = HTMLAttribute.lookup(UnsafeBufferPointer(rebasing: input[nameStart..<nameEnd]))
            if let attribute {
                let bit: UInt32 = 1 << attribute.rawValue
                if seen & bit != 0 { tag.droppedAny = true; continue }
                seen |= bit
            }
            if let attribute, HTMLTreeBuilder.keeps(attribute, of: attribute.dependsOnElement
                   ? element ?? lookUp(&element, UnsafeBufferPointer(rebasing: input[at..<tag.nameEnd])) : .other,
                   value: value) {
                if value.isEmpty || memchr(value.baseAddress!, 0x26, value.count) == nil {
                    side.append((attribute, valueRange))
                    tag.droppedAny = true
                } else {
                    kept.append(nameStart..<j)
                }
            } else {
                tag.droppedAny = true
            }
        }
    }

    private static func lookUp(_ element: inout HTMLTag?, _ name: UnsafeBufferPointer<UInt8>) -> HTMLTag {
        let tag = HTMLTag.lookup(name)
        element = tag
        return tag
    }

    /// libxml2's name characters (htmlParseHTMLName).
    private static func isNameStart(_ b: UInt8) -> Bool {
        (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b == UInt8(ascii: ".")
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        isNameStart(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-")
    }
}
