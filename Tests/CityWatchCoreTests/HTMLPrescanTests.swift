import Foundation
import Testing
@testable import CityWatchDocuments

/// The prescan hands attributes and plain text to the tree builder past libxml2: the tree must be the one
/// libxml2 alone would have given.
@Suite struct HTMLPrescanTests {
    static func tree(_ html: String) -> (HTMLPrescan.Result, HTMLTree) {
        let bytes = Array(html.utf8)
        let page = bytes.withUnsafeBufferPointer { HTMLPrescan.strip($0) }
        return (page, HTMLTreeBuilder.build(page))
    }

    static func first(_ tag: HTMLTag, in tree: HTMLTree) -> Int? {
        (0..<tree.count).first { tree.tags[$0] == tag }
    }

    @Test func unreadAttributesAreDroppedAndKeptOnesReachTheTree() throws {
        let (page, tree) = Self.tree(#"<html><body><div data-x="1 > 2" class="Story-Body main" ID='Top'>Text</div></body></html>"#)
        let markup = String(decoding: page.bytes, as: UTF8.self)
        #expect(!markup.contains("data-x"))
        #expect(!markup.contains("Story-Body"))
        let div = try #require(Self.first(.div, in: tree))
        #expect(tree.attribute(div, .class) == "story-body main")
        #expect(tree.attribute(div, .id) == "top")
        #expect(tree.plainText(div) == "Text")
    }

    @Test func characterReferencesStayWithLibxml2() throws {
        let (_, tree) = Self.tree(#"<html><body><p class="a&amp;b">Fish &amp; chips, <b>hot</b> &#8212; now</p></body></html>"#)
        let p = try #require(Self.first(.p, in: tree))
        #expect(tree.attribute(p, .class) == "a&b")
        #expect(tree.plainText(p) == "Fish & chips, hot — now")
    }

    @Test func repeatedAttributeKeepsTheFirstAsLibxml2Does() throws {
        let (_, tree) = Self.tree(#"<html><body><div class="first" class="second">x</div></body></html>"#)
        let div = try #require(Self.first(.div, in: tree))
        #expect(tree.attribute(div, .class) == "first")
    }

    @Test func textBetweenTagsComesBackWhole() throws {
        let (page, tree) = Self.tree("<html><body><p>Hello   <b>brave</b>\n new world</p><p>Two</p></body></html>")
        #expect(!page.textRanges.isEmpty)
        let p = try #require(Self.first(.p, in: tree))
        #expect(tree.plainText(p) == "Hello brave new world")
        #expect(tree.plainText(0) == "Hello brave new world Two")
    }

    @Test func oneLetterTextsOfThePageStayThemselves() throws {
        // A tag the prescan leaves to libxml2 (an `@click` attribute) and one-letter texts like the stand-ins.
        let (page, tree) = Self.tree(#"<html><body><div @click="x" class="K">t</div><p>Two words</p><div><i>t</i> <b>t</b></div></body></html>"#)
        #expect(page.textRanges.count == 1)
        let div = try #require(Self.first(.div, in: tree))
        #expect(tree.attribute(div, .class) == "k")
        #expect(tree.plainText(div) == "t")
        let p = try #require(Self.first(.p, in: tree))
        #expect(tree.plainText(p) == "Two words")
        #expect(tree.plainText(0) == "t Two words t t")
    }

    @Test func preformattedLinesSurviveWhitespaceCutting() throws {
        let (_, tree) = Self.tree("<html><body><pre>\n  line one\n\n\n   line two  \n</pre></body></html>")
        let pre = try #require(Self.first(.pre, in: tree))
        #expect(tree.plainTextLines(pre) == ["line one", "line two"])
    }
}
