/// Titles keep the markup their feed gave them (as the reference feed readers do); consumers that want what a
/// person reads use these.
extension FeedItem {
    /// The title as plain text: tags dropped, character references decoded, whitespace collapsed.
    package var titleText: String? { title.flatMap(PlainText.from) }
}

extension ParsedFeed.Info {
    /// The feed title as plain text.
    package var titleText: String? { title.flatMap(PlainText.from) }
}

package enum PlainText {
    package static func from(_ markup: String) -> String? {
        guard markup.contains("<") || markup.contains("&") || markup.contains("\n") else { return cleaned(markup) }
        var out = ""
        var inTag = false
        var entity: String?
        for ch in markup {
            if var e = entity {
                if ch == ";" {
                    out += decode(e) ?? "&\(e);"
                    entity = nil
                } else if e.count < 32, ch.isLetter || ch.isNumber || ch == "#" {
                    e.append(ch); entity = e
                } else {
                    out += "&" + e; entity = nil
                    if ch == "<" { inTag = true } else { out.append(ch) }
                }
                continue
            }
            if inTag { if ch == ">" { inTag = false }; continue }
            switch ch {
            case "<": inTag = true
            case "&": entity = ""
            default: out.append(ch)
            }
        }
        if let e = entity { out += "&" + e }
        return cleaned(out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
    }

    static func decode(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default: return FeedMarkupRepair.htmlEntities[name].flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}
