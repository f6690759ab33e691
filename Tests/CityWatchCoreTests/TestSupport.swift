import Foundation
@testable import CityWatchCore

/// Facts of a short text, read the way `extract --jsonl` reads {"text": ...}.
func facts(_ text: String, numbers: Bool = false, keywords: [String] = Extractor.defaultKeywords) -> Facts {
    Extractor(keywords: keywords).extract(SeedTextParser.parse(text), numbers: numbers)
}

func cities(_ text: String) -> Set<String> {
    Set(facts(text).cities.map(\.city))
}

func fixtureURL(_ path: String) -> URL {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(path)
}
