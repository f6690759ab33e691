import Foundation
import Testing
@testable import CityWatchSupport
@testable import CityWatchFetching
import CityWatchTestSupport

/// The fetcher against a real HTTP server on 127.0.0.1 that scripts each response.
@Suite struct FetcherTests {
    let fetcher = Fetcher()

    @Test func okResponseCarriesBodyHeadersAndFinalURL() async throws {
        let server = try TestHTTPServer { _, connection in
            connection.respond(200, [("Content-Type", "application/rss+xml; charset=ISO-8859-1"), ("ETag", "\"v1\""),
                                     ("Cache-Control", "max-age=60")], text: "<rss/>")
        }
        defer { server.stop() }
        let response = try await fetcher.fetch(FetchRequest(url: server.base + "/feed"))
        #expect(response.status == 200)
        #expect(response.body == Data("<rss/>".utf8))
        #expect(response.finalURL == server.base + "/feed")
        #expect(response.etag == "\"v1\"")
        #expect(response.headers["cache-control"] == "max-age=60")
        #expect(response.charset == "iso-8859-1")
        let request = try #require(server.requests.first)
        #expect(request.headers["user-agent"]?.hasPrefix("citywatch/\(CityWatch.version)") == true)
        #expect(request.headers["accept-encoding"]?.contains("gzip") == true)
        #expect(request.headers["if-none-match"] == nil)
    }

    /// Header bytes are ISO-8859-1: a byte over 0x7F is its Latin-1 character, and NBSP around a value is trimmed.
    @Test func headerBytesAreReadAsLatin1() async throws {
        let server = try TestHTTPServer { _, connection in
            var head = Data("HTTP/1.1 200 OK\r\nConnection: close\r\nX-Place: Z".utf8)
            head.append(contentsOf: [0xFC])
            head.append(Data("rich".utf8))
            head.append(contentsOf: [0xA0])
            head.append(Data("\r\nX-Tab:\t v \r\nContent-Length: 2\r\n\r\nok".utf8))
            connection.send(head)
        }
        defer { server.stop() }
        let response = try await fetcher.fetch(FetchRequest(url: server.base + "/h"))
        #expect(response.status == 200)
        #expect(response.headers["x-place"] == "Z\u{FC}rich")
        #expect(response.headers["x-tab"] == "v")
        #expect(response.body == Data("ok".utf8))
    }

    @Test func conditionalGetGivesNotModifiedWithEmptyBody() async throws {
        let server = try TestHTTPServer { request, connection in
            if request.headers["if-none-match"] == "\"v1\"" {
                connection.respond(304, [("ETag", "\"v1\"")])
            } else {
                connection.respond(200, [("ETag", "\"v1\"")], text: "fresh")
            }
        }
        defer { server.stop() }
        let modified = "Sat, 21 Nov 2026 10:00:00 GMT"
        let response = try await fetcher.fetch(FetchRequest(url: server.base, etag: "\"v1\"", lastModified: modified))
        #expect(response.notModified)
        #expect(response.body.isEmpty)
        #expect(response.etag == "\"v1\"")
        let request = try #require(server.requests.first)
        #expect(request.headers["if-none-match"] == "\"v1\"")
        #expect(request.headers["if-modified-since"] == modified)
    }

    @Test func redirectChainEndsWithHeadersOfTheLastHop() async throws {
        let server = try TestHTTPServer { request, connection in
            switch request.path {
            case "/a": connection.respond(301, [("Location", "/b"), ("X-Hop", "a"), ("X-First", "yes")])
            case "/b": connection.respond(302, [("Location", "/c"), ("X-Hop", "b")])
            default: connection.respond(200, [("X-Hop", "c")], text: "end")
            }
        }
        defer { server.stop() }
        let response = try await fetcher.fetch(FetchRequest(url: server.base + "/a"))
        #expect(response.status == 200)
        #expect(response.finalURL == server.base + "/c")
        #expect(response.headers["x-hop"] == "c")
        #expect(response.headers["x-first"] == nil)
        #expect(response.body == Data("end".utf8))
        #expect(server.requests.map(\.path) == ["/a", "/b", "/c"])
    }

    @Test func redirectLoopIsNamed() async throws {
        let server = try TestHTTPServer { request, connection in
            connection.respond(302, [("Location", request.path == "/x" ? "/y" : "/x")])
        }
        defer { server.stop() }
        let error = await fetcher.failure(FetchRequest(url: server.base + "/x"))
        #expect(error?.kind == .tooManyRedirects)
        #expect(error?.message.hasPrefix("redirect loop: \(server.base)/x → \(server.base)/y → \(server.base)/x") == true)
    }

    @Test func tooLongChainIsNotCalledALoop() async throws {
        let server = try TestHTTPServer { request, connection in
            let n = Int(request.path.dropFirst()) ?? 0
            connection.respond(302, [("Location", "/\(n + 1)")])
        }
        defer { server.stop() }
        let error = await fetcher.failure(FetchRequest(url: server.base + "/0", maxRedirects: 2))
        #expect(error?.kind == .tooManyRedirects)
        #expect(error?.message.hasPrefix("more than 2 redirects from \(server.base)/0") == true)
        #expect(server.requests.count == 3)
    }

    @Test(arguments: [404, 500])
    func errorStatusesBecomeHTTPStatusErrors(status: Int) async throws {
        let server = try TestHTTPServer { _, connection in
            connection.respond(status, [("Retry-After", "30")], text: "nope")
        }
        defer { server.stop() }
        let error = await fetcher.failure(FetchRequest(url: server.base))
        #expect(error?.kind == .httpStatus)
        #expect(error?.status == status)
        #expect(error?.message == "http \(status)")
        #expect(error?.retryAfter == nil)
    }

    @Test func tooManyRequestsCarriesRetryAfterSeconds() async throws {
        let server = try TestHTTPServer { _, connection in
            connection.respond(429, [("Retry-After", "120")], text: "slow down")
        }
        defer { server.stop() }
        let error = await fetcher.failure(FetchRequest(url: server.base))
        #expect(error?.kind == .httpStatus)
        #expect(error?.message == "http 429")
        #expect(error?.retryAfter == 120)
    }

    @Test func unavailableCarriesRetryAfterDate() async throws {
        let server = try TestHTTPServer { _, connection in
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            connection.respond(503, [("Retry-After", formatter.string(from: Date().addingTimeInterval(600)))])
        }
        defer { server.stop() }
        let error = await fetcher.failure(FetchRequest(url: server.base))
        #expect(error?.message == "http 503")
        let wait = try #require(error?.retryAfter)
        #expect(wait > 590 && wait <= 601)
    }

    @Test func retryAfterForms() {
        let now = Date(timeIntervalSince1970: 1_784_000_000)
        #expect(RetryAfter.seconds("0", now: now) == 0)
        #expect(RetryAfter.seconds(" 45 ", now: now) == 45)
        #expect(RetryAfter.seconds("-3", now: now) == nil)
        #expect(RetryAfter.seconds("soon", now: now) == nil)
        #expect(RetryAfter.seconds(nil, now: now) == nil)
        // 1_784_000_000 is Tue, 14 Jul 2026 03:33:20 GMT.
        #expect(RetryAfter.seconds("Tue, 14 Jul 2026 03:34:20 GMT", now: now) == 60)
        #expect(RetryAfter.seconds("Tuesday, 14-Jul-26 03:34:20 GMT", now: now) == 60)
        #expect(RetryAfter.seconds("Tue Jul 14 03:34:20 2026", now: now) == 60)
        #expect(RetryAfter.seconds("Mon, 13 Jul 2026 03:34:20 GMT", now: now) == 0)
    }

    @Test func connectionRefusedIsAConnectError() async throws {
        let (fd, port) = try TestHTTPServer.listen()
        close(fd)
        let error = await fetcher.failure(FetchRequest(url: "http://127.0.0.1:\(port)/feed"))
        #expect(error?.kind == .connect)
        #expect(error?.message.contains("127.0.0.1") == true)
    }

    @Test(arguments: ["ftp://example.org/feed.xml", "gopher://example.org/", "mailto:someone@example.org"])
    func otherSchemesAreRefused(url: String) async {
        let error = await fetcher.failure(FetchRequest(url: url))
        #expect(error?.kind == .unsupportedScheme)
        #expect(error?.message.contains(url) == true)
    }

    @Test func notAURLIsABadURL() async {
        let error = await fetcher.failure(FetchRequest(url: "example.org/feed"))
        #expect(error?.kind == .badURL)
    }
}
