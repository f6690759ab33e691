import Foundation
import Testing
@testable import CityWatchFetching
import CityWatchTestSupport

/// file:// URLs, refused redirects, TLS and DNS failures, and POST.
@Suite struct FetcherSchemesTests {
    let fetcher = Fetcher()

    /// Writes `data` to a fresh temporary file and hands back its file:// URL.
    func temporaryFile(_ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("citywatch-fetch-\(UUID().uuidString).xml")
        try data.write(to: url)
        return url
    }

    @Test func fileURLIsRead() async throws {
        let file = try temporaryFile(Data("<rss version=\"2.0\"/>".utf8))
        defer { try? FileManager.default.removeItem(at: file) }
        let response = try await fetcher.fetch(FetchRequest(url: file.absoluteString))
        #expect(response.status == 200)
        #expect(response.body == Data("<rss version=\"2.0\"/>".utf8))
    }

    @Test func fileOverTheCapIsTooLarge() async throws {
        let file = try temporaryFile(Data(repeating: 65, count: 10_000))
        defer { try? FileManager.default.removeItem(at: file) }
        let error = await fetcher.failure(FetchRequest(url: file.absoluteString, maxBytes: 5_000))
        #expect(error?.kind == .tooLarge)
        #expect(error?.message == "too large: over 5000 bytes")
    }

    @Test func missingFileIsAFileError() async {
        let url = "file:///nonexistent/citywatch/feed.xml"
        let error = await fetcher.failure(FetchRequest(url: url))
        #expect(error?.kind == .file)
        #expect(error?.message.contains(url) == true)
    }

    @Test(arguments: ["file:///etc/passwd", "ftp://127.0.0.1/feed.xml"])
    func redirectToAnotherSchemeIsRefused(target: String) async throws {
        let server = try TestHTTPServer { _, connection in
            connection.respond(302, [("Location", target)])
        }
        defer { server.stop() }
        let error = await fetcher.failure(FetchRequest(url: server.base + "/feed"))
        #expect(error?.kind == .unsupportedScheme)
        #expect(error?.message.contains(target) == true, "\(error?.message ?? "")")
    }

    @Test func postSendsBodyAndHeaders() async throws {
        let server = try TestHTTPServer { request, connection in
            connection.respond(201, [("Content-Type", "application/json")], body: request.body)
        }
        defer { server.stop() }
        // Over 1 KB, where libcurl would otherwise wait for "100 Continue".
        let payload = Data(("{\"alert\":\"" + String(repeating: "a", count: 2000) + "\"}").utf8)
        let response = try await fetcher.fetch(FetchRequest(url: server.base + "/hook", method: "POST", body: payload,
                                                            headers: ["Content-Type": "application/json"]))
        #expect(response.status == 201)
        #expect(response.body == payload)
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["expect"] == nil)
        #expect(request.body == payload)
    }

    @Test func headerValuesCannotInjectHeaders() async throws {
        let server = try TestHTTPServer { _, connection in connection.respond(200, text: "ok") }
        defer { server.stop() }
        _ = try await fetcher.fetch(FetchRequest(url: server.base, headers: ["X-Note": "a\r\nX-Injected: yes"]))
        let request = try #require(server.requests.first)
        #expect(request.headers["x-injected"] == nil)
        #expect(request.headers["x-note"] == "a  X-Injected: yes")
    }

    @Test func tlsFailureIsATLSError() async throws {
        // A plain HTTP server cannot complete a TLS handshake.
        let server = try TestHTTPServer(readsRequest: false) { _, connection in
            connection.respond(200, text: "plain")
        }
        defer { server.stop() }
        let error = await fetcher.failure(FetchRequest(url: "https://127.0.0.1:\(server.port)/feed", timeout: 5))
        #expect(error?.kind == .tls)
        #expect(error?.message.contains("127.0.0.1") == true)
    }

    @Test func unknownHostIsADNSError() async {
        // .invalid is reserved (RFC 6761): it never resolves, online or offline.
        let error = await fetcher.failure(FetchRequest(url: "http://citywatch-test.invalid/feed", timeout: 5, connectTimeout: 5))
        #expect(error?.kind == .dns)
        #expect(error?.message.contains("citywatch-test.invalid") == true)
    }

    @Test func redirectsOffReturnsTheRedirectAsAStatus() async throws {
        let server = try TestHTTPServer { _, connection in connection.respond(301, [("Location", "/elsewhere")]) }
        defer { server.stop() }
        let error = await fetcher.failure(FetchRequest(url: server.base, maxRedirects: 0))
        #expect(error?.kind == .httpStatus)
        #expect(error?.message == "http 301")
        #expect(server.requests.count == 1)
    }
}
