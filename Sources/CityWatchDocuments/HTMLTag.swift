/// The HTML elements the extractor tells apart; everything else is `.other` (treated as a block container).
enum HTMLTag: UInt8, Sendable {
    case text, other
    case html, head, body, title, meta, link, base
    case div, section, article, main, span, p, br, hr, a, img
    case h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd
    case table, thead, tbody, tfoot, tr, td, th, caption
    case nav, header, footer, aside, form, figure, figcaption, blockquote, pre, address
    case em, strong, b, i, u, small, sup, sub, abbr, cite, code, time, mark, q, font, label, s, del, ins, big, tt, kbd,
         samp, `var`, wbr, bdi, bdo, data, center
    case button, input, select, textarea, option, script, style, noscript, svg, iframe, object, embed, canvas,
         template, video, audio, picture, source, map, dialog, menu

    /// Tags whose text flows inside the surrounding line.
    var isInline: Bool {
        switch self {
        case .text, .span, .a, .em, .strong, .b, .i, .u, .small, .sup, .sub, .abbr, .cite, .code, .time, .mark, .q,
             .font, .label, .s, .del, .ins, .big, .tt, .kbd, .samp, .var, .wbr, .bdi, .bdo, .data, .img, .picture, .source:
            return true
        default:
            return false
        }
    }

    var isHeading: Bool { rawValue >= HTMLTag.h1.rawValue && rawValue <= HTMLTag.h6.rawValue }

    /// Elements never worth reading (their content is skipped while the tree is built).
    var isSkipped: Bool {
        switch self {
        case .button, .select, .textarea, .option, .script, .style, .noscript, .svg, .iframe, .object, .embed,
             .canvas, .template, .video, .audio, .map, .input, .dialog:
            return true
        default:
            return false
        }
    }

    /// Name lookup keyed by the first 7 bytes of the name packed into an integer, plus its length: an
    /// open-addressed table with a multiplicative hash (a Dictionary's SipHash showed in the profile).
    private static let slotBits: UInt64 = 9
    private static let slots: [(key: UInt64, tag: HTMLTag)] = {
        var t = Array(repeating: (key: UInt64(0), tag: HTMLTag.other), count: 1 << Int(slotBits))
        let names: [(String, HTMLTag)] = [
            ("html", .html), ("head", .head), ("body", .body), ("title", .title), ("meta", .meta), ("link", .link),
            ("base", .base), ("div", .div), ("section", .section), ("article", .article), ("main", .main),
            ("span", .span), ("p", .p), ("br", .br), ("hr", .hr), ("a", .a), ("img", .img), ("h1", .h1), ("h2", .h2),
            ("h3", .h3), ("h4", .h4), ("h5", .h5), ("h6", .h6), ("ul", .ul), ("ol", .ol), ("li", .li), ("dl", .dl),
            ("dt", .dt), ("dd", .dd), ("table", .table), ("thead", .thead), ("tbody", .tbody), ("tfoot", .tfoot),
            ("tr", .tr), ("td", .td), ("th", .th), ("caption", .caption), ("nav", .nav), ("header", .header),
            ("footer", .footer), ("aside", .aside), ("form", .form), ("figure", .figure), ("figcaption", .figcaption),
            ("blockquote", .blockquote), ("pre", .pre), ("address", .address), ("em", .em), ("strong", .strong),
            ("b", .b), ("i", .i), ("u", .u), ("small", .small), ("sup", .sup), ("sub", .sub), ("abbr", .abbr),
            ("cite", .cite), ("code", .code), ("time", .time), ("mark", .mark), ("q", .q), ("font", .font),
            ("label", .label), ("s", .s), ("del", .del), ("ins", .ins), ("big", .big), ("tt", .tt), ("kbd", .kbd),
            ("samp", .samp), ("var", .var), ("wbr", .wbr), ("bdi", .bdi), ("bdo", .bdo), ("data", .data),
            ("center", .center), ("button", .button), ("input", .input), ("select", .select),
            ("textarea", .textarea), ("option", .option), ("script", .script), ("style", .style),
            ("noscript", .noscript), ("svg", .svg), ("iframe", .iframe), ("object", .object), ("embed", .embed),
            ("canvas", .canvas), ("template", .template), ("video", .video), ("audio", .audio),
            ("picture", .picture), ("source", .source), ("map", .map), ("dialog", .dialog), ("menu", .menu),
        ]
        for (name, tag) in names {
            // The key is computed inside the closure: the buffer pointer is only valid there.
            let k = Array(name.utf8).withUnsafeBufferPointer { key($0) }
            var slot = HTMLTag.slotIndex(k)
            while t[slot].key != 0 { slot = (slot + 1) & (t.count - 1) }
            t[slot] = (k, tag)
        }
        return t
    }()

    private static func slotIndex(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> (64 - slotBits)) }

    private static func find(_ key: UInt64) -> HTMLTag? {
        slots.withUnsafeBufferPointer { t in
            var slot = slotIndex(key)
            while true {
                let entry = t[slot]
                if entry.key == key { return entry.tag }
                if entry.key == 0 { return nil }
                slot = (slot + 1) & (t.count - 1)
            }
        }
    }

    private static func key(_ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var k: UInt64 = UInt64(min(name.count, 255)) << 56
        for i in 0..<min(name.count, 7) { k |= UInt64(name[i] | 0x20) << (UInt64(i) * 8) }
        return k
    }

    /// The tag for an element name (libxml2's HTML parser lower-cases names).
    static func lookup(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        lookup(UnsafeBufferPointer(start: name, count: strlen(name)))
    }

    /// The tag for an element name, letters in either case.
    static func lookup(_ name: UnsafeBufferPointer<UInt8>) -> HTMLTag {
        guard let tag = find(key(name)) else { return .other }
        // Names longer than 7 bytes share a key with others of the same length and prefix: check them.
        if name.count > 7, !nameMatches(tag, name) { return .other }
        return tag
    }

    private static func nameMatches(_ tag: HTMLTag, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let expected = String(describing: tag)
        return expected.utf8.count == name.count && expected.utf8.elementsEqual(name.lazy.map { $0 | 0x20 })
    }
}

import Foundation
