import Foundation
import CityWatchExtraction

/// Places US latitudes and longitudes on the dashboard's SVG map: the lower 48 in an equirectangular
/// projection scaled by the cosine of 38°N, with Alaska, Hawaii and Puerto Rico (and the other islands) in
/// insets along the bottom, as printed US maps do.
package enum USMap {
    /// The SVG viewBox: 0 0 width height.
    package static let width = 960.0
    package static let height = 600.0

    /// Where each region is drawn: its lat/lon box and the rectangle it is scaled into.
    struct Region: Sendable {
        var name: String
        var lat: ClosedRange<Double>
        var lon: ClosedRange<Double>
        var x: Double, y: Double, w: Double, h: Double
        var framed: Bool

        func contains(lat a: Double, lon o: Double) -> Bool { lat.contains(a) && lon.contains(o) }

        func point(lat a: Double, lon o: Double) -> (x: Double, y: Double) {
            let px = x + (o - lon.lowerBound) / (lon.upperBound - lon.lowerBound) * w
            let py = y + (lat.upperBound - a) / (lat.upperBound - lat.lowerBound) * h
            return (px, py)
        }
    }

    /// Aspect kept: degrees of longitude shrink by cos(latitude) in each region.
    static let regions: [Region] = [
        Region(name: "lower48", lat: 24.0...49.6, lon: -125.0...(-66.5), x: 20, y: 10, w: 920, h: 500, framed: false),
        Region(name: "Alaska", lat: 51.0...71.5, lon: -170.0...(-129.5), x: 24, y: 440, w: 140, h: 146, framed: true),
        Region(name: "Hawaii", lat: 18.8...22.4, lon: -160.4...(-154.7), x: 200, y: 500, w: 128, h: 86, framed: true),
        Region(name: "Puerto Rico", lat: 17.8...18.6, lon: -67.4...(-65.1), x: 800, y: 534, w: 140, h: 52, framed: true),
    ]

    /// The map position of a place; nil when it lies outside every region (Guam, the Marianas…).
    package static func point(lat: Double, lon: Double) -> (x: Double, y: Double)? {
        for region in regions where region.contains(lat: lat, lon: lon) { return region.point(lat: lat, lon: lon) }
        return nil
    }

    /// Map positions of the gazetteer's places by display name ("Chicago, IL"); the most populous place wins a shared name.
    package static let positions: [String: (x: Double, y: Double)] = {
        var out: [String: (x: Double, y: Double)] = [:]
        for place in Gazetteer.shared.places where out[place.display] == nil {
            if let p = point(lat: place.lat, lon: place.lon) { out[place.display] = p }
        }
        return out
    }()

    /// The backdrop: every gazetteer place as a faint dot (the country's shape emerges from its towns),
    /// the inset frames and their names. Built once; the same for every page.
    package static let backdrop: String = {
        var out = "<g class=\"land\">"
        var seen = Set<Int>()
        for place in Gazetteer.shared.places {
            guard let p = point(lat: place.lat, lon: place.lon) else { continue }
            // One dot per 3-pixel cell is enough for the silhouette and keeps the page small.
            let cell = Int(p.x / 3) * 1000 + Int(p.y / 3)
            guard seen.insert(cell).inserted else { continue }
            out += "<circle cx=\"\(fmt(p.x))\" cy=\"\(fmt(p.y))\" r=\"1.3\"/>"
        }
        out += "</g>"
        for region in regions where region.framed {
            out += "<rect class=\"inset\" x=\"\(fmt(region.x - 4))\" y=\"\(fmt(region.y - 4))\" width=\"\(fmt(region.w + 8))\" height=\"\(fmt(region.h + 8))\"/>"
            out += "<text class=\"inset-label\" x=\"\(fmt(region.x))\" y=\"\(fmt(region.y + 8))\">\(region.name)</text>"
        }
        return out
    }()

    /// One decimal: enough for a 960-wide map, and a short page.
    @inline(__always)
    static func fmt(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let whole = tenths / 10, rest = abs(tenths % 10)
        return rest == 0 ? String(whole) : "\(whole).\(rest)"
    }
}
