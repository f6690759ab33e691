import Foundation

/// Turns an HTML article page into a Document: main text, structure and metadata, boilerplate dropped.
public enum ArticlePageParser {
    /// - Parameters:
    ///   - httpCharset: the charset from the HTTP Content-Type, when fetched.
    public static func parse(_ data: Data, url: String? = nil, httpCharset: String? = nil) throws(DocumentError) -> Document {
        throw DocumentError(code: "unsupported", message: "HTML parsing is not implemented yet")
    }
}
