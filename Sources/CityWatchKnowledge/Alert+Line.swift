import Foundation
import CityWatchSupport
import CityWatchExtraction

extension Alert {
    /// Reads an alert back from its log line (the outbox and the log hold the same bytes); nil when it is not one.
    package init?(line: String) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
              let id = object["id"] as? String, let kindText = object["kind"] as? String,
              let kind = Kind(rawValue: kindText) else { return nil }
        let article = object["article"] as? [String: Any] ?? [:]
        self.init(id: id, time: object["time"] as? String ?? "", kind: kind, city: object["city"] as? String,
                  watched: object["watched"] as? Bool ?? false, measure: object["measure"] as? String,
                  value: Self.number(object["value"]), unit: (object["unit"] as? String).flatMap(FigureUnit.init),
                  previous: Self.number(object["previous"]),
                  article: Article(url: article["url"] as? String, title: article["title"] as? String,
                                   feed: article["feed"] as? String, published: article["published"] as? String),
                  evidence: object["evidence"] as? String ?? "")
    }

    /// An alert with every field given (a parsed log line keeps its own id).
    init(id: String, time: String, kind: Kind, city: String?, watched: Bool, measure: String?, value: Double?,
         unit: FigureUnit?, previous: Double?, article: Article, evidence: String) {
        self.id = id; self.time = time; self.kind = kind; self.city = city; self.watched = watched
        self.measure = measure; self.value = value; self.unit = unit; self.previous = previous
        self.article = article; self.evidence = evidence
    }

    private static func number(_ value: Any?) -> Double? {
        (value as? NSNumber).map(\.doubleValue)
    }

    /// The two-letter state of the alert's city ("IL" for "Chicago, IL"); nil for a national figure.
    package var state: String? {
        guard let city, let comma = city.lastIndex(of: ",") else { return nil }
        let code = city[city.index(after: comma)...].trimmingCharacters(in: .whitespaces)
        return code.count == 2 ? code.uppercased() : nil
    }

    /// One line saying what happened: "New city: Portland, OR", "Chicago, IL: ice personnel assigned 180 (was 150)".
    package var headline: String {
        let place = city ?? "National"
        switch kind {
        case .newCity:
            return "New city: \(place)"
        case .newFigure, .changedFigure:
            var text = "\(place): \(measure ?? "figure")"
            if let value { text += " \(NumberText.figure(value, unit: unit?.rawValue, grouped: true))" }
            if let previous { text += " (was \(NumberText.figure(previous, unit: unit?.rawValue, grouped: true)))" }
            return kind == .newFigure ? "New figure, " + text : "Changed figure, " + text
        }
    }

    /// The article link when it is a web address (never a `seed:` or `file:` reference).
    package var articleLink: String? {
        guard let url = article.url, let scheme = url.split(separator: ":").first?.lowercased(),
              scheme == "http" || scheme == "https" else { return nil }
        return url
    }
}
