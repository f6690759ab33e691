import Foundation

/// The article fields of a page's JSON-LD (`NewsArticle`, `BlogPosting`, …), from any `@graph` depth.
struct JSONLDArticle {
    var headline: String?
    var articleBody: String?
    var datePublished: String?
    var author: String?
    var publisher: String?

    static func read(_ scripts: [String]) -> JSONLDArticle {
        var result = JSONLDArticle()
        // Breadcrumbs, site search boxes and organisation cards are skipped unparsed.
        for script in scripts where ByteSearch.containsAny(script, ["Article", "article", "BlogPosting", "Report", "WebPage"]) {
            guard let root = parse(script) else { continue }
            // Iterative walk over nested arrays/objects: JSON-LD can be deep and is untrusted.
            var pending: [Any] = [root]
            var visited = 0
            while let value = pending.popLast(), visited < 2_000 {
                visited += 1
                if let array = value as? [Any] { pending.append(contentsOf: array.reversed()); continue }
                guard let object = value as? [String: Any] else { continue }
                if let graph = object["@graph"] { pending.append(graph) }
                let types = typeNames(object["@type"])
                if types.contains(where: { $0.hasSuffix("article") || $0 == "blogposting" || $0 == "report" || $0 == "webpage" }) {
                    let isArticle = !types.contains("webpage")
                    if result.headline == nil || isArticle && result.articleBody == nil {
                        if let h = object["headline"] as? String, !h.isEmpty { result.headline = result.headline ?? h }
                    }
                    if result.articleBody == nil, let b = object["articleBody"] as? String, !b.isEmpty { result.articleBody = b }
                    if result.datePublished == nil, let d = object["datePublished"] as? String { result.datePublished = d }
                    if result.author == nil { result.author = names(object["author"]) }
                    if result.publisher == nil, isArticle { result.publisher = names(object["publisher"]) }
                }
            }
        }
        return result
    }

    private static func parse(_ script: String) -> Any? {
        var text = TextNormalizer.trimmingWhitespace(script)
        if text.hasPrefix("<![CDATA[") { text = String(text.dropFirst(9).dropLast(3)) }
        if let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) { return value }
        // Raw line breaks inside strings are a common JSON-LD mistake; JSON forbids them.
        let repaired = Data(text.utf8.map { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 ? 0x20 : $0 })
        return try? JSONSerialization.jsonObject(with: repaired, options: [.fragmentsAllowed])
    }

    private static func typeNames(_ value: Any?) -> [String] {
        if let s = value as? String { return [s.lowercased()] }
        if let a = value as? [Any] { return a.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    /// "Name", {"name": …} or a list of those, joined with " and ".
    private static func names(_ value: Any?) -> String? {
        if let s = value as? String { return s.isEmpty ? nil : s }
        if let o = value as? [String: Any] { return (o["name"] as? String).flatMap { $0.isEmpty ? nil : $0 } }
        if let a = value as? [Any] {
            let all = a.compactMap { names($0) }
            return all.isEmpty ? nil : all.joined(separator: " and ")
        }
        return nil
    }
}

/// Dates as ISO 8601 in UTC to the second ("2019-11-19T14:05:00Z").
enum ISODate {
    static func normalize(_ raw: String) -> String? {
        let s = TextNormalizer.trimmingWhitespace(raw)
        let digits = Array(s.utf8)
        func num(_ from: Int, _ len: Int) -> Int? {
            guard from + len <= digits.count else { return nil }
            var v = 0
            for k in from..<(from + len) {
                let d = digits[k]
                guard d >= 0x30 && d <= 0x39 else { return nil }
                v = v * 10 + Int(d - 0x30)
            }
            return v
        }
        guard let year = num(0, 4), digits.count >= 10, digits[4] == 0x2D, let month = num(5, 2), digits[7] == 0x2D,
              let day = num(8, 2), (1...12).contains(month), (1...31).contains(day), year > 1900 else { return nil }
        var hour = 0, minute = 0, second = 0, offset = 0
        var i = 10
        if i < digits.count, digits[i] == UInt8(ascii: "T") || digits[i] == 0x20 {
            guard let h = num(i + 1, 2), digits.count > i + 3, digits[i + 3] == 0x3A, let mi = num(i + 4, 2) else {
                return format(year, month, day, 0, 0, 0, 0)
            }
            hour = h; minute = mi; i += 6
            if i < digits.count, digits[i] == 0x3A, let sec = num(i + 1, 2) { second = sec; i += 3 }
            if i < digits.count, digits[i] == 0x2E { i += 1; while i < digits.count, digits[i] >= 0x30 && digits[i] <= 0x39 { i += 1 } }
            if i < digits.count, digits[i] == 0x2B || digits[i] == 0x2D {
                let sign = digits[i] == 0x2B ? 1 : -1
                if let oh = num(i + 1, 2) {
                    var om = 0
                    if let m = num(i + 3, 2) { om = m } else if i + 3 < digits.count, digits[i + 3] == 0x3A, let m = num(i + 4, 2) { om = m }
                    offset = sign * (oh * 60 + om)
                }
            }
        }
        return format(year, month, day, hour, minute, second, offset)
    }

    private static func format(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int, _ offsetMinutes: Int) -> String? {
        guard (0...23).contains(h), (0...59).contains(mi), (0...60).contains(s) else { return nil }
        // Seconds since the epoch by days-from-civil arithmetic (no Calendar: it is slow to create).
        let yy = mo <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        var t = days * 86400 + h * 3600 + mi * 60 + s - offsetMinutes * 60
        let dayNumber = t >= 0 ? t / 86400 : (t - 86399) / 86400
        t -= dayNumber * 86400
        // civil-from-days
        let z = dayNumber + 719468
        let era2 = (z >= 0 ? z : z - 146096) / 146097
        let doe2 = z - era2 * 146097
        let yoe2 = (doe2 - doe2 / 1460 + doe2 / 36524 - doe2 / 146096) / 365
        let doy2 = doe2 - (365 * yoe2 + yoe2 / 4 - yoe2 / 100)
        let mp = (5 * doy2 + 2) / 153
        let day = doy2 - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe2 + era2 * 400 + (month <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(t / 3600)):\(two(t % 3600 / 60)):\(two(t % 60))Z"
    }
}
