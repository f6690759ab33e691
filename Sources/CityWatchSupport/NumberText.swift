import Foundation

/// Numbers for people (a figure with its unit: `NumberText+Figure.swift`, beside `FigureUnit`).
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
}
