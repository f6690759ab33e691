import Foundation

/// Numbers for people, and the one place a figure's unit is written next to its value.
package enum NumberText {
    /// Thousands grouped, at most two decimals (rounded), no trailing zeros: "4,500", "27.5", "-12"; "?" when not finite.
    package static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        let text = String(format: "%.2f", abs(value))
        var digits = String(text.prefix { $0 != "." })
        var decimals = String(text.drop { $0 != "." }.dropFirst())
        while decimals.hasSuffix("0") { decimals.removeLast() }
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
            index -= 3
        }
        return (value < 0 ? "-" : "") + digits + (decimals.isEmpty ? "" : "." + decimals)
    }

    /// A value with its unit (`FigureUnit` raw values). Plain: "2500000 USD", "27%", "180" (terminal tables and
    /// the journal line); grouped: "$2,500,000", "27%", "4,500" (the dashboard and notifications).
    package static func figure(_ value: Double, unit: String?, grouped: Bool = false) -> String {
        let digits = grouped ? Self.grouped(value) : JSONWriter.number(value)
        switch unit {
        case FigureUnit.percent.rawValue: return digits + "%"
        case FigureUnit.usd.rawValue: return grouped ? "$" + digits : digits + " USD"
        default: return digits
        }
    }
}
