import Foundation
import CityWatchSupport

/// Decides from tag, ARIA role and class/id words whether an element is page furniture (navigation,
/// sidebars, share bars, related lists, comments, banners) rather than article text.
enum BoilerplateClassifier {
    static let furnitureRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "alertdialog",
        "toolbar", "tablist",
    ]

    /// Whole class/id words that mark furniture.
    static let furnitureWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "footer", "header", "sidebar", "share", "sharing", "social", "related",
        "comments", "comment", "cookie", "cookies", "newsletter", "subscribe", "subscription", "promo", "advert",
        "advertisement", "ad", "ads", "adsense", "banner", "breadcrumb", "breadcrumbs", "widget", "widgets", "popup",
        "modal", "masthead", "byline", "tags", "tagged", "recommended", "outbrain", "taboola", "pagination", "pager",
        "print", "toolbar", "signup", "paywall", "disclaimer", "sponsored", "trending", "popular", "hidden", "sr",
        "visually", "caption", "credit", "credits", "meta", "dateline", "timestamp", "author", "authors", "bio",
        "toc", "copyright", "rating", "ratings", "login", "skip", "topics", "keywords", "follow", "donate", "jump",
        "overlay", "masthead", "offscreen", "invisible", "hide", "more", "next", "prev", "previous", "toolbox",
        "tools", "utility", "utilities", "actions", "reactions", "crumbs", "feedback",
    ]

    /// Prefixes of class/id words that mark furniture (for run-together names like "relatedarticles").
    static let furniturePrefixes: [String] = [
        "sidebar", "breadcrumb", "newsletter", "subscri", "cookie", "outbrain", "taboola", "recommend", "related",
        "sharing", "share", "social", "footer", "navbar", "promo", "advert", "sponsor", "byline", "comments",
        "widget", "popup", "paywall", "pagination", "nav", "menu", "disqus", "gdpr", "consent", "signup",
        "trending", "mostread", "mostpopular", "adslot", "adunit", "dfp", "googlead", "morestories", "readmore",
        "caption", "authorbio", "tagcloud", "taglist", "slideshow", "carousel", "gallery",
    ]

    /// Class/id fragments that name the article body in common CMSs.
    static let bodyHints: [String] = [
        "articlebody", "article-body", "article__body", "article_body", "articlecontent", "article-content",
        "article__content", "article_content", "story-body", "storybody", "story__body", "story-content",
        "storycontent", "story-text", "entry-content", "entry__content", "post-content", "postcontent", "post-body",
        "postbody", "post-entry", "post__content", "article-text", "articletext", "article__text", "body-text",
        "bodytext", "content-body", "c-entry-content", "field-name-body", "field--name-body", "td-post-content",
        "single-content", "news-text", "text-content", "rich-text", "richtext", "article-main", "main-text",
        "article-entry", "entry-body", "blog-post-content", "content-article", "detail-content", "news-content",
        "article-detail", "story-main",
    ]

    static func isFurnitureRole(_ role: String?) -> Bool {
        guard let role else { return false }
        return furnitureRoles.contains(role)   // lower-cased by HTMLTreeBuilder
    }

    /// Whether the element is furniture by its class/id words (lower-cased).
    static func isFurniture(_ words: [Substring]) -> Bool {
        // Embedded posts (tweets, Instagram) quoted by the article are content even inside "social-media-embed".
        if words.contains(where: { $0 == "embed" || $0 == "tweet" || $0 == "embedded" }) { return false }
        for word in words {
            if furnitureWordSet.contains(word) { return true }
            if hasPrefix(word, furniturePrefixBytes) { return true }
        }
        return false
    }

    /// `furnitureWords` as Substrings: the class words are Substrings, and making a String of each to look
    /// it up showed in the profile.
    private static let furnitureWordSet = Set(furnitureWords.map { Substring($0) })
    private static let furniturePrefixBytes = furniturePrefixes.map { Array($0.utf8) }
    private static let strongPrefixBytes = strongPrefixes.map { Array($0.utf8) }

    private static func hasPrefix(_ word: Substring, _ prefixes: [[UInt8]]) -> Bool {
        var w = word
        return w.withUTF8 { bytes in
            prefixes.contains { p in p.count <= bytes.count && memcmp(bytes.baseAddress!, p, p.count) == 0 }
        }
    }

    /// Structural and text elements are never dropped for their class alone.
    static func mayBeFurniture(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .html, .body, .main, .article, .p, .h1, .h2, .h3, .h4, .h5, .h6, .table, .tr, .td, .th, .tbody: return false
        default: return true
        }
    }

    /// The words of a class/id string ("article-share_bar" → ["article", "share", "bar"]).
    static func words(_ classAndID: String) -> [Substring] { ByteSearch.words(classAndID) }

    /// Readability's class weight: +25 for content-like names, −25 for furniture-like names.
    static func weight(_ classAndID: String) -> Double {
        guard !classAndID.isEmpty else { return 0 }
        var w = 0.0
        if ByteSearch.containsAny(classAndID, positiveWords) { w += 25 }
        if ByteSearch.containsAny(classAndID, negativeWords) { w -= 25 }
        return w
    }

    /// Prefixes of class/id words so telling that no amount of text makes the element content.
    static let strongPrefixes: [String] = [
        "comment", "disqus", "related", "recommend", "sidebar", "footer", "share", "sharing", "social", "outbrain",
        "taboola", "newsletter", "subscri", "cookie", "breadcrumb", "navbar", "pagination", "respond", "reply",
        "gallery", "slideshow", "carousel", "caption",
    ]

    static func isStrongFurniture(_ words: [Substring]) -> Bool {
        !words.contains(where: { $0 == "embed" || $0 == "tweet" || $0 == "embedded" })
            && words.contains { word in hasPrefix(word, strongPrefixBytes) && !word.hasPrefix("commentary") }
    }

    static let positiveWords = ["article", "body", "content", "entry", "main", "post", "text", "blog", "story"]
    static let negativeWords = ["comment", "footer", "sidebar", "related", "share", "social", "promo", "sponsor", "widget",
                                "banner", "meta", "outbrain", "tags", "tool", "masthead", "hidden", "nav", "menu", "caption"]

    static func isBodyHint(_ classAndID: String) -> Bool {
        !classAndID.isEmpty && ByteSearch.containsAny(classAndID, bodyHints)
    }
}
