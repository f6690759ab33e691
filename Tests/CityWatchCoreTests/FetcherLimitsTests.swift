import Foundation
import Testing
@testable import CityWatchFetching
import CityWatchTestSupport

/// The fetcher's limits (size cap, low speed, timeouts, cancellation) against a scripted local server.
@Suite struct FetcherLimitsTests {
    let fetcher = Fetcher()

    static func attempt(_ fetcher: Fetcher, _ request: FetchRequest) async -> Result<FetchResponse, FetchError> {
        do {
            return .success(try await fetcher.fetch(request))
        } catch {
            return .failure(error)
        }
    }

    static func gzipBomb() throws -> Data {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try Data(contentsOf: fixtures.appendingPathComponent("fetch/zeros-16mib.gz"))
    }

    /// A server that streams 64 KiB chunks without end (no Content-Length: the body ends at close).
    static func endless(pause: TimeInterval = 0, chunk: Int = 65_536) throws -> TestHTTPServer {
        try TestHTTPServer { _, connection in
            guard connection.head(200, [("Content-Type", "text/plain")]) else { return }
            let bytes = Data(repeating: UInt8(ascii: "x"), count: chunk)
            while connection.send(bytes) {
                if pause > 0 { Thread.sleep(forTimeInterval: pause) }
            }
        }
    }

    @Test func endlessBodyIsCutAtTheCap() async throws {
        let server = try Self.endless()
        defer { server.stop() }
        let error = await fetcher.failure(FetchRequest(url: server.base, maxBytes: 1_000_000))
        #expect(error?.kind == .tooLarge)
        #expect(error?.message == "too large: over 1000000 bytes")
    }

    @Test func declaredLengthOverTheCapStopsBeforeTheBody() async throws {
        let server = try TestHTTPServer { _, connection in
            guard connection.head(200, contentLength: 50_000_000) else { return }
            Thread.sleep(forTimeInterval: 15)  // the client must not wait for this
        }
        defer { server.stop() }
        let start = Date()
        let error = await fetcher.failure(FetchRequest(url: server.base, maxBytes: 1_000_000))
        #expect(error?.kind == .tooLarge)
        #expect(error?.message == "too large: over 1000000 bytes")
        #expect(Date().timeIntervalSince(start) < 8)  // far below the server's 15 s, loose for loaded machines
    }

    @Test func bodyOfExactlyTheCapIsAccepted() async throws {
        let server = try TestHTTPServer { _, connection in
            connection.respond(200, body: Data(repeating: 65, count: 4096))
        }
        defer { server.stop() }
        let response = try await fetcher.fetch(FetchRequest(url: server.base, maxBytes: 4096))
        #expect(response.body.count == 4096)
    }

    @Test func gzipBombIsStoppedByTheCapOnDecodedBytes() async throws {
        let bomb = try Self.gzipBomb()
        let server = try TestHTTPServer { _, connection in
            connection.respond(200, [("Content-Encoding", "gzip")], body: bomb)
        }
        defer { server.stop() }
        #expect(bomb.count < 1_000_000)
        let error = await fetcher.failure(FetchRequest(url: server.base, maxBytes: 1_000_000))
        #expect(error?.kind == .tooLarge)
        #expect(error?.message == "too large: over 1000000 bytes")
    }

    @Test func gzipBodyUnderTheCapIsDecoded() async throws {
        let bomb = try Self.gzipBomb()
        let server = try TestHTTPServer { _, connection in
            connection.respond(200, [("Content-Encoding", "gzip")], body: bomb)
        }
        defer { server.stop() }
        let response = try await fetcher.fetch(FetchRequest(url: server.base, maxBytes: 20_000_000))
        #expect(response.body.count == 16 * 1024 * 1024)
        #expect(response.body.allSatisfy { $0 == 0 })
    }

    @Test func shortBodyForItsContentLengthIsAnError() async throws {
        let server = try TestHTTPServer { _, connection in
            guard connection.head(200, contentLength: 5000) else { return }
            connection.send(Data(repeating: 65, count: 100))
        }
        defer { server.stop() }
        let error = await fetcher.failure(FetchRequest(url: server.base))
        #expect(error?.kind == .other)
        #expect(error?.message.contains("closed the connection before the whole body") == true)
        #expect(error?.message.contains(server.base) == true)
    }

    @Test func slowTrickleIsDropped() async throws {
        let server = try Self.endless(pause: 0.2, chunk: 10)
        defer { server.stop() }
        let start = Date()
        let error = await fetcher.failure(FetchRequest(url: server.base, lowSpeedTime: 1))
        #expect(error?.kind == .timeout)
        #expect(error?.message.hasPrefix("too slow: 127.0.0.1 sent less than 1024 bytes in 1 s") == true)
        #expect(Date().timeIntervalSince(start) < 8)
    }

    @Test func wholeTransferTimeout() async throws {
        // Fast enough for the low-speed limit, but never finishing.
        let server = try Self.endless(pause: 0.05, chunk: 4096)
        defer { server.stop() }
        let start = Date()
        let error = await fetcher.failure(FetchRequest(url: server.base, timeout: 1, maxBytes: 100_000_000))
        #expect(error?.kind == .timeout)
        #expect(error?.message == "timed out: \(server.base) took longer than 1 s")
        #expect(Date().timeIntervalSince(start) < 8)  // the point: it ends, well before the endless body
    }

    @Test func cancellingTheTaskStopsTheTransferWithinASecond() async throws {
        let server = try Self.endless(pause: 0.05, chunk: 4096)
        defer { server.stop() }
        let fetcher = self.fetcher
        let task = Task { () async -> Result<FetchResponse, FetchError> in
            await Self.attempt(fetcher, FetchRequest(url: server.base, maxBytes: 100_000_000))
        }
        try await Task.sleep(for: .milliseconds(300))
        let cancelledAt = Date()
        task.cancel()
        let result = await task.value
        #expect(Date().timeIntervalSince(cancelledAt) < 10)  // about 0.3 s alone; parallel CPU-bound tests can hold the pool that resumes us. Uncancelled, this body runs on for minutes
        guard case .failure(let error) = result else {
            Issue.record("a cancelled fetch succeeded")
            return
        }
        #expect(error.kind == .cancelled)
    }

    @Test func alreadyCancelledTaskDoesNotFetch() async throws {
        let server = try TestHTTPServer { _, connection in connection.respond(200, text: "x") }
        defer { server.stop() }
        let fetcher = self.fetcher
        let task = Task { () async -> Result<FetchResponse, FetchError> in
            withUnsafeCurrentTask { $0?.cancel() }
            return await Self.attempt(fetcher, FetchRequest(url: server.base))
        }
        guard case .failure(let error) = await task.value else {
            Issue.record("a cancelled fetch succeeded")
            return
        }
        #expect(error.kind == .cancelled)
        #expect(server.requests.isEmpty)
    }
}

extension FetcherLimitsTests {
    @Test func cancellingASilentTransferStopsItWithinASecond() async throws {
        // No byte moves, so only libcurl's idle progress callback can notice the cancellation.
        let server = try TestHTTPServer { _, connection in
            guard connection.head(200, contentLength: 100) else { return }
            Thread.sleep(forTimeInterval: 5)
        }
        defer { server.stop() }
        let fetcher = self.fetcher
        let task = Task { await Self.attempt(fetcher, FetchRequest(url: server.base)) }
        try await Task.sleep(for: .milliseconds(300))
        let cancelledAt = Date()
        task.cancel()
        let result = await task.value
        let took = Date().timeIntervalSince(cancelledAt)
        #expect(took < 10, "took \(took) s")
        guard case .failure(let error) = result else {
            Issue.record("a cancelled fetch succeeded")
            return
        }
        #expect(error.kind == .cancelled)
    }

    @Test func transfersRunInParallelOffTheCooperativePool() async throws {
        // Eight slow responses: on the cooperative pool (one thread per core, two here) blocking transfers would
        // have at most two requests at the server at once; on the engine they overlap up to its per-host limit.
        let inFlight = Shared((now: 0, most: 0))
        let server = try TestHTTPServer { _, connection in
            inFlight.mutex.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            Thread.sleep(forTimeInterval: 1.5)
            inFlight.mutex.withLock { $0.now -= 1 }
            connection.respond(200, text: "late")
        }
        defer { server.stop() }
        let fetcher = self.fetcher
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { try await fetcher.fetch(FetchRequest(url: server.base)).status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: 8))
        #expect(inFlight.mutex.withLock { $0.most } == TransferEngine.maxHostConnections)
    }
}
