import Foundation
import CityWatchSupport

/// The one place a figure's unit is written next to its value (here, beside `FigureUnit`, whose raw values it reads).
extension NumberText {
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
