import Foundation

/// Escaping for server-rendered HTML: every feed-controlled string passes through here before it reaches a page.
///
/// Titles, evidence and feed names come from hostile feeds, so text is escaped for both element content and
/// quoted attributes (the same five characters), control characters are dropped, and only http/https URLs
/// ever become links.
package enum HTMLEscape {
    /// Text safe inside an element or a double- or single-quoted attribute; C0/C1 controls and bidi overrides removed.
    package static func text(_ value: String) -> String {
        var needs = false
        for scalar in value.unicodeScalars where isSpecial(scalar) { needs = true; break }
        guard needs else { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out += " "
            default:
                if isControl(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Appends escaped text to a page being built (the hot path: no intermediate string when nothing needs escaping).
    @inline(__always)
    package static func append(_ value: String, to out: inout String) {
        out += text(value)
    }

    /// The URL when it is an absolute http or https URL (escaped for an attribute); nil for anything else
    /// (`javascript:`, `data:`, relative or malformed), which is then shown as text, never as a link.
    package static func safeURL(_ value: String?) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.unicodeScalars.contains(where: { isControl($0) || $0 == " " }) else { return nil }
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"),
              let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return nil }
        return text(trimmed)
    }

    /// A path segment or query value, percent-encoded (unreserved characters only are kept).
    package static func component(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func isSpecial(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "&", "<", ">", "\"", "'": return true
        default: return isControl(scalar)
        }
    }

    /// C0 and C1 controls, DEL, the line/paragraph separators and the bidi embedding/override/isolate controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        return v == 0x2028 || v == 0x2029 || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0xFEFF
    }
}
