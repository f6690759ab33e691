import Foundation
import Testing
@testable import CityWatchFetching

/// `HeaderLine`: one line of a response head, read on its bytes, whatever a server sends.
@Suite struct HeaderLineTests {
    private func line(_ bytes: [UInt8]) -> HeaderLine { HeaderLine(Data(bytes)) }
    private func line(_ text: String) -> HeaderLine { HeaderLine(Data(text.utf8)) }

    @Test func statusLinesGiveTheirCode() {
        #expect(line("HTTP/1.1 200 OK\r\n") == .status(code: 200))
        #expect(line("HTTP/2 304\r\n") == .status(code: 304))
        #expect(line("HTTP/1.1 100 Continue\r\n") == .status(code: 100))
    }

    @Test func aStatusCodeThatIsNotThreeDigitsIsZero() {
        #expect(line("HTTP/1.1 -5 Odd\r\n") == .status(code: 0))
        #expect(line("HTTP/1.1 +20 Odd\r\n") == .status(code: 0))
        #expect(line("HTTP/1.1 99999999999999999999999 Big\r\n") == .status(code: 0))
        #expect(line("HTTP/1.1\r\n") == .status(code: 0))
    }

    @Test func namesAreLowerCasedAndValuesTrimmed() {
        #expect(line("Content-Type:  text/xml; charset=utf-8 \r\n") == .field(name: "content-type", value: "text/xml; charset=utf-8"))
        #expect(line("ETag:\t\"v1\"\r\n") == .field(name: "etag", value: "\"v1\""))
        #expect(line("X-Empty:\r\n") == .field(name: "x-empty", value: ""))
        #expect(line("Location: http://a.example/x?y=1:2\r\n") == .field(name: "location", value: "http://a.example/x?y=1:2"))
    }

    @Test func bytesOverASCIIAreLatin1() {
        // "X-Caf\u{E9}: na\u{EF}ve" then NBSP and CRLF, all Latin-1 bytes
        var bytes = Array("X-Caf".utf8) + [0xE9] + Array(": na".utf8) + [0xEF] + Array("ve".utf8) + [0xA0, 0x0D, 0x0A]
        #expect(line(bytes) == .field(name: "x-caf\u{E9}", value: "na\u{EF}ve"))
        bytes = Array("X-Up\u{0}".utf8) + [0xC9] + Array(":v".utf8)
        #expect(line(bytes) == .field(name: "x-up\u{0}\u{E9}", value: "v"))
    }

    @Test func blankLinesAndLinesWithoutAColonAreNothing() {
        #expect(line("\r\n") == .none)
        #expect(line(" \t\r\n") == .none)
        #expect(line([0x85, 0xA0]) == .none)
        #expect(line("NoColonHere\r\n") == .none)
        #expect(line([]) == .none)
    }
}
