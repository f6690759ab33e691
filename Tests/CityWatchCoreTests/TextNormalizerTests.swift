import Testing
@testable import CityWatchSupport

@Suite struct TextNormalizerTests {
    @Test func cleanLinesComeBackAsTheyAre() {
        for line in ["Plain text, with “curly quotes” and an em dash — here.", "4,500 agents", "é, ü and 日本"] {
            #expect(TextNormalizer.normalizeLine(line) == line)
        }
    }

    @Test func oddSpacesHyphensAndInvisiblesAreNormalised() {
        #expect(TextNormalizer.normalizeLine("  two\u{A0}\u{A0}words\there ") == "two words here")
        #expect(TextNormalizer.normalizeLine("non\u{2011}breaking and\u{2010}hyphen") == "non-breaking and-hyphen")
        #expect(TextNormalizer.normalizeLine("\u{FEFF}zero\u{200B}width\u{200C}\u{200D} soft\u{AD}hyphen") == "zerowidth softhyphen")
        #expect(TextNormalizer.normalizeLine("thin\u{2009}space\u{202F}and\u{2007}figure") == "thin space and figure")
        #expect(TextNormalizer.normalizeLine("bell\u{07}and\u{7F}del") == "bellanddel")
    }

    @Test func aLetterAfterACommaAfterALetterGetsASpace() {
        #expect(TextNormalizer.normalizeLine("Los Angeles,renowned") == "Los Angeles, renowned")
        #expect(TextNormalizer.normalizeLine("Zürich,élan") == "Zürich, élan")
        #expect(TextNormalizer.normalizeLine("4,500 and 1,2,3") == "4,500 and 1,2,3")
        #expect(TextNormalizer.normalizeLine("a,\"b\"  c") == "a,\"b\" c")
        #expect(TextNormalizer.normalizeLine(" ,x") == ",x")
    }
}
