import Foundation

/// Durations as written in the config: "90s", "15m", "1h", "1h30m", "2d", or a bare number of seconds.
package enum DurationText {
    package static func parse(_ text: String) -> TimeInterval? {
        let s = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !s.isEmpty else { return nil }
        if let seconds = Double(s), seconds.isFinite { return seconds }
        var total: Double = 0
        var number = ""
        var sawUnit = false
        var chars = Array(s)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c.isNumber || c == "." { number.append(c); continue }
            if c == " " { continue }
            var unit = String(c)
            if c == "m", chars.first == "s" { unit = "ms"; chars = chars.dropFirst() }
            guard let value = Double(number) else { return nil }
            let factor: Double
            switch unit {
            case "ms": factor = 0.001
            case "s": factor = 1
            case "m": factor = 60
            case "h": factor = 3600
            case "d": factor = 86400
            default: return nil
            }
            total += value * factor
            number = ""
            sawUnit = true
        }
        guard number.isEmpty, sawUnit else { return nil }
        return total
    }

    /// "15m", "1h30m", "90s": the shortest way to write a number of seconds.
    package static func format(_ seconds: TimeInterval) -> String {
        var rest = Int(seconds.rounded())
        if rest == 0 { return "0s" }
        var out = ""
        for (unit, size) in [("d", 86400), ("h", 3600), ("m", 60), ("s", 1)] where rest >= size {
            out += "\(rest / size)\(unit)"
            rest %= size
        }
        return out
    }
}
