import Foundation
import CityWatchExtraction

extension Differ {
    /// The measure a figure belongs to (an index into `measures`; `KnowledgeStore.knownMeasure` asks it too): the
    /// same canonical key, else the one measure of that city and unit whose
    /// words differ by a single extra word, else (for dollars) the one measure that had the same amount, else the
    /// one measure with the same head noun that differs by at most one word on each side.
    static func match(city: String, key: String, unit: String, label: String?, value: Double?,
                      in measures: [Measure]) -> Int? {
        // Byte comparison, as SQLite's `=` on TEXT does.
        let candidates = measures.indices.filter {
            measures[$0].city.utf8.elementsEqual(city.utf8) && measures[$0].unit.utf8.elementsEqual(unit.utf8)
        }
        if let exact = candidates.first(where: { measures[$0].key.utf8.elementsEqual(key.utf8) }) { return exact }
        let words = Set(key.split(separator: " "))
        var match: Int?
        var sharing: [Int] = []
        let head = label.flatMap(MeasureKey.head)
        for index in candidates {
            let other = Set(measures[index].key.split(separator: " "))
            guard !words.intersection(other).isEmpty,
                  !words.symmetricDifference(other).contains(where: { MeasureKey.distinguishing.contains(String($0)) }) else { continue }
            if let head, MeasureKey.head(measures[index].label) == head { sharing.append(index) }
            guard other.isSubset(of: words) || words.isSubset(of: other),
                  words.symmetricDifference(other).count == 1 else { continue }
            if match != nil { return nil }   // ambiguous: treat as a new measure
            match = index
        }
        if let match { return match }
        if sharing.isEmpty, unit == FigureUnit.usd.rawValue, let value {
            // A dollar amount is specific: the same amount for the same city is the same money, however named.
            let same = candidates.filter { measures[$0].values.contains(value) }
            if same.count == 1 { return same[0] }
        }
        guard sharing.count == 1, let only = sharing.first else { return nil }
        let other = Set(measures[only].key.split(separator: " "))
        return words.subtracting(other).count <= 1 && other.subtracting(words).count <= 1 ? only : nil
    }
}
