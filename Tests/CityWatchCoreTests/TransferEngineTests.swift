import Foundation
import Testing
@testable import CityWatchFetching
import CityWatchTestSupport

/// The process's one transfer engine against a keep-alive HTTP server on 127.0.0.1 that counts its connections.
@Suite struct TransferEngineTests {
    let fetcher = Fetcher()

    @Test func sequentialFetchesReuseOneConnection() async throws {
        let server = try TestHTTPServer(keepAlive: true) { request, connection in
            connection.respond(200, [("Content-Type", "text/plain")], text: "page \(request.path)")
        }
        defer { server.stop() }
        for index in 0..<20 {
            let response = try await fetcher.fetch(FetchRequest(url: server.base + "/p\(index)"))
            #expect(String(decoding: response.body, as: UTF8.self) == "page /p\(index)")
        }
        #expect(server.requests.count == 20)
        // A transfer per connection would have opened 20. (The test server drops a connection idle for 5 s: on a
        // machine loaded enough to stall the test that long between two fetches, a second one is opened.)
        #expect(server.connections <= 2)
    }

    @Test func concurrentFetchesShareAFewConnections() async throws {
        let server = try TestHTTPServer(keepAlive: true) { request, connection in
            connection.respond(200, text: request.path)
        }
        defer { server.stop() }
        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<50 {
                group.addTask { [fetcher] in
                    String(decoding: try await fetcher.fetch(FetchRequest(url: server.base + "/f\(index)")).body, as: UTF8.self)
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(bodies == Set((0..<50).map { "/f\($0)" }))
        #expect(server.connections <= TransferEngine.maxHostConnections)
    }

    /// A connection opened for a URL the config trusts (a loopback feed) is not lent to a link that may not reach
    /// loopback: the request is refused on the reused connection before it is sent.
    @Test func reusedConnectionIsCheckedAgainForALink() async throws {
        let server = try TestHTTPServer(keepAlive: true) { _, connection in
            connection.respond(200, text: "private")
        }
        defer { server.stop() }
        _ = try await fetcher.fetch(FetchRequest(url: server.base + "/feed.xml"))
        #expect(server.connections == 1)
        let link = FetchAccess.links(of: "https://feeds.example.org/feed.xml", allowPrivateNetworks: false)
        await #expect {
            _ = try await fetcher.fetch(FetchRequest(url: server.base + "/secret", access: link))
        } throws: { error in
            let error = error as? FetchError
            return error?.kind == .refused && error?.message.contains("loopback address") == true
        }
        #expect(server.requests.map(\.path) == ["/feed.xml"])
        // The feed's own origin still may use it.
        _ = try await fetcher.fetch(FetchRequest(url: server.base + "/feed.xml"))
        #expect(server.requests.count == 2)
    }

    @Test func cancellingOneTransferLeavesTheOthersRunning() async throws {
        let server = try TestHTTPServer(keepAlive: true) { request, connection in
            if request.path == "/slow" { Thread.sleep(forTimeInterval: 10) }
            connection.respond(200, text: request.path)
        }
        defer { server.stop() }
        let slow = Task { [fetcher] in try await fetcher.fetch(FetchRequest(url: server.base + "/slow")) }
        try await Task.sleep(for: .milliseconds(200))
        let started = ContinuousClock.now
        slow.cancel()
        await #expect(throws: FetchError.self) { _ = try await slow.value }
        // Far sooner than the slow answer (10 s), with room for a loaded machine.
        #expect(ContinuousClock.now - started < .seconds(5))
        let fast = try await fetcher.fetch(FetchRequest(url: server.base + "/fast"))
        #expect(String(decoding: fast.body, as: UTF8.self) == "/fast")
    }
}
