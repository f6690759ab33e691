import Foundation

/// Turns a Document into Facts: cities, figures tied to city and measure, quotes, relevance.
public struct Extractor: Sendable {
    public var keywords: [String]

    public static let defaultKeywords = ["ICE", "Immigration and Customs Enforcement", "deportation"]

    public init(keywords: [String] = Extractor.defaultKeywords) {
        self.keywords = keywords
    }

    public func extract(_ document: Document, numbers: Bool = false) -> Facts {
        Facts(title: document.title, relevant: false)
    }
}
