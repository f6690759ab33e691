import Foundation
import CityWatchSupport
import CityWatchKnowledge

/// A figure's value history as a small inline SVG line chart: one point per value, in the order first seen.
package enum SparklineChart {
    package static let width = 180.0
    package static let height = 44.0

    /// The chart; a single value is drawn as one point on a flat line.
    package static func svg(_ history: [KnownFigure.Value], unit: String) -> String {
        guard !history.isEmpty else { return "" }
        let values = history.map(\.value)
        let low = values.min()!, high = values.max()!
        let span = high - low
        let pad = 6.0
        func x(_ i: Int) -> Double {
            history.count == 1 ? width / 2 : pad + Double(i) / Double(history.count - 1) * (width - 2 * pad)
        }
        func y(_ v: Double) -> Double {
            span == 0 ? height / 2 : pad + (high - v) / span * (height - 2 * pad)
        }
        var out = "<svg class=\"spark\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"value history\" xmlns=\"http://www.w3.org/2000/svg\">"
        if history.count == 1 {
            out += "<polyline points=\"\(USMap.fmt(pad)),\(USMap.fmt(height / 2)) \(USMap.fmt(width - pad)),\(USMap.fmt(height / 2))\" stroke-dasharray=\"2 3\"/>"
        } else {
            out += "<polyline points=\""
            for (i, v) in values.enumerated() {
                if i > 0 { out += " " }
                out += USMap.fmt(x(i)) + "," + USMap.fmt(y(v))
            }
            out += "\"/>"
        }
        for (i, value) in history.enumerated() {
            out += "<circle cx=\"\(USMap.fmt(x(i)))\" cy=\"\(USMap.fmt(y(value.value)))\" r=\"2.6\"><title>"
            out += HTMLEscape.text("\(NumberText.figure(value.value, unit: unit, grouped: true)) first seen \(value.firstSeen), \(value.articles) article\(value.articles == 1 ? "" : "s"), \(value.sources) source\(value.sources == 1 ? "" : "s")")
            out += "</title></circle>"
        }
        return out + "</svg>"
    }
}
