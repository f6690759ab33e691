import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Resolves relative references: links against xml:base or the feed URL, and the URI attributes inside HTML.
enum FeedLinks {
    /// HTML attributes that hold a URI (the set feed readers resolve).
    static let uriAttributes: Set<String> = ["href", "src", "cite", "background", "action", "poster", "longdesc",
                                             "codebase", "usemap", "profile"]

    static func hasScheme(_ url: String) -> Bool {
        for c in url.utf8 {
            if c == 0x3A { return true }
            let alpha = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
            if !(alpha || (c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2D || c == 0x2E) { return false }
        }
        return false
    }

    /// `url` resolved against `base` (RFC 3986, by libxml2); unchanged when already absolute or unresolvable.
    static func resolve(_ url: String, against base: String) -> String {
        if hasScheme(url) { return url }
        guard let built = xmlBuildURI(url, base) else { return url }
        defer { cw_xmlFree(built) }
        return String(cString: built)
    }

    /// Like resolveHTML, but first checks cheaply that some href/src value is relative (the usual case is none).
    static func resolveRelativeHTML(_ html: String, against base: String) -> String {
        var html = html
        let relative = html.withUTF8 { u -> Bool in
            guard let base = u.baseAddress else { return false }
            var i = 3
            while i + 5 < u.count {
                // memchr to the next '=', then: `href="x` or `src="x` (either quote), x not starting a scheme or "//"
                guard let hit = memchr(base + i, 0x3D, u.count - 5 - i) else { break }
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if u[i + 1] == 0x22 || u[i + 1] == 0x27 {
                    let isHref = i >= 4 && (u[i - 4] | 0x20) == 0x68 && (u[i - 1] | 0x20) == 0x66
                    let isSrc = (u[i - 3] | 0x20) == 0x73 && (u[i - 1] | 0x20) == 0x63
                    if isHref || isSrc {
                        var j = i + 2
                        var sawColon = false
                        while j < u.count, u[j] != u[i + 1], j - i < 40 {
                            if u[j] == 0x3A { sawColon = true; break }
                            if u[j] == 0x2F || u[j] == 0x3F || u[j] == 0x23 { break }
                            j += 1
                        }
                        if !sawColon, !(u[i + 2] == 0x23 || (i + 3 < u.count && u[i + 2] == 0x2F && u[i + 3] == 0x2F)) { return true }
                    }
                }
                i += 1
            }
            return false
        }
        return relative ? resolveHTML(html, against: base) : html
    }

    /// Rewrites relative URI attributes inside an HTML fragment.
    static func resolveHTML(_ html: String, against base: String) -> String {
        guard html.utf8.contains(0x3D) else { return html }
        var html = html
        return html.withUTF8 { b in
            var out: [UInt8] = []
            out.reserveCapacity(b.count + 64)
            var i = 0
            var inTag = false
            while i < b.count {
                // Bytes other than '<', '>' and '=' are copied as they are, a run at a time.
                var run = i
                while run < b.count, b[run] != 0x3C && b[run] != 0x3E && b[run] != 0x3D { run += 1 }
                if run > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<run])); i = run }
                if i == b.count { break }
                let c = b[i]
                if c == 0x3C { inTag = i + 1 < b.count && ((b[i + 1] | 0x20) >= 0x61 && (b[i + 1] | 0x20) <= 0x7A) }
                if c == 0x3E { inTag = false }
                if inTag, c == 0x3D {
                    // The attribute name before '=' (ASCII letters only).
                    var e = out.count
                    while e > 0, out[e - 1] == 0x20 { e -= 1 }
                    var s = e
                    while s > 0, (out[s - 1] | 0x20) >= 0x61 && (out[s - 1] | 0x20) <= 0x7A { s -= 1 }
                    let isURI = isURIAttribute(out[s..<e])
                    out.append(c)
                    i += 1
                    while i < b.count, b[i] == 0x20 { out.append(b[i]); i += 1 }
                    guard i < b.count, isURI else { continue }
                    let quote = b[i] == 0x22 || b[i] == 0x27 ? b[i] : 0
                    var j = quote != 0 ? i + 1 : i
                    let start = j
                    while j < b.count, quote != 0 ? b[j] != quote : (b[j] != 0x20 && b[j] != 0x3E) { j += 1 }
                    let value = String(decoding: UnsafeBufferPointer(rebasing: b[start..<j]), as: UTF8.self)
                    if quote != 0 { out.append(quote) }
                    out.append(contentsOf: resolve(value, against: base).utf8)
                    if quote != 0 && j < b.count { out.append(quote); j += 1 }
                    i = j
                    continue
                }
                out.append(c)
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    static let uriAttributeBytes: [[UInt8]] = uriAttributes.map { Array($0.utf8) }

    /// Whether ASCII letters name a URI attribute, compared case-insensitively (no String per attribute).
    static func isURIAttribute(_ name: ArraySlice<UInt8>) -> Bool {
        uriAttributeBytes.contains { known in
            known.count == name.count && zip(known, name).allSatisfy { $0 == $1 | 0x20 }
        }
    }
}
