import Foundation
import Synchronization
import Testing
@testable import CityWatchSupport
@testable import CityWatchFetching
@testable import CityWatchKnowledge
@testable import CityWatchAlerts

/// An in-memory outbox: entries with delivered flags and failed-attempt counts.
private final class ListOutbox: WebhookOutbox, Sendable {
    private let state: Mutex<(entries: [OutboxEntry], delivered: Set<Int64>, attempts: [Int64: Int])>

    init(count: Int) {
        let entries = (1...count).map { seq in
            OutboxEntry(seq: Int64(seq), alertID: "id\(seq)", kind: "new_city",
                        line: #"{"id":"id\#(seq)","kind":"new_city"}"#, summary: "alert \(seq)")
        }
        state = Mutex((entries, [], [:]))
    }

    var delivered: Set<Int64> { state.withLock { $0.delivered } }
    var attempts: [Int64: Int] { state.withLock { $0.attempts } }

    func pendingWebhookAlerts(limit: Int) throws -> [OutboxEntry] {
        state.withLock { state in Array(state.entries.filter { !state.delivered.contains($0.seq) }.prefix(limit)) }
    }

    func recordWebhook(seq: Int64, delivered: Bool, next: Date?) throws {
        state.withLock { state in
            if delivered { state.delivered.insert(seq) } else { state.attempts[seq, default: 0] += 1 }
        }
    }
}

/// A fake endpoint: fails the first `failures` requests, records every request.
private final class FakeEndpoint: Sendable {
    let requests = Mutex<[FetchRequest]>([])
    let failures: Int

    init(failures: Int) { self.failures = failures }

    func send(_ request: FetchRequest) async throws -> FetchResponse {
        let count = requests.withLock { list -> Int in
            list.append(request)
            return list.count
        }
        if count <= failures {
            throw FetchError(kind: .httpStatus, message: "http 503 from the webhook", status: 503)
        }
        return FetchResponse(status: 200, finalURL: request.url, headers: [:], body: Data())
    }
}

@Suite struct WebhookSinkTests {
    @Test func postsEachAlertAsJSONWithTheBearerToken() async throws {
        let outbox = ListOutbox(count: 3)
        let endpoint = FakeEndpoint(failures: 0)
        let sink = WebhookSink(outbox: outbox, url: { "https://hooks.example/cw" }, token: "s3cret",
                               send: endpoint.send)
        let round = await sink.deliverPending()
        #expect(round == WebhookSink.Round(delivered: 3, failure: nil))
        #expect(outbox.delivered == [1, 2, 3])
        let requests = endpoint.requests.withLock { $0 }
        #expect(requests.map(\.method) == ["POST", "POST", "POST"])
        #expect(requests.first?.url == "https://hooks.example/cw")
        #expect(requests.first?.headers["Authorization"] == "Bearer s3cret")
        #expect(requests.first?.headers["Content-Type"] == "application/json")
        #expect(requests.first?.body == Data(#"{"id":"id1","kind":"new_city"}"#.utf8))
    }

    @Test func stopsAtTheFirstFailureAndKeepsOrder() async {
        let outbox = ListOutbox(count: 3)
        let endpoint = FakeEndpoint(failures: 1)
        let sink = WebhookSink(outbox: outbox, url: { "https://hooks.example/cw" }, token: nil, send: endpoint.send)
        let first = await sink.deliverPending()
        #expect(first.delivered == 0 && first.failure == "http 503 from the webhook")
        #expect(outbox.delivered.isEmpty)
        #expect(endpoint.requests.withLock { $0.first?.headers["Authorization"] } == nil)
        // A later round (the next retry, or the next start) delivers everything, oldest first.
        let second = await sink.deliverPending()
        #expect(second.delivered == 3)
        #expect(endpoint.requests.withLock { $0.map { String(decoding: $0.body ?? Data(), as: UTF8.self) } }.suffix(3)
                == (1...3).map { #"{"id":"id\#($0)","kind":"new_city"}"# })
    }

    @Test func retriesWithBackoffOnTheClockUntilDelivered() async throws {
        let clock = ManualClock()
        let outbox = ListOutbox(count: 2)
        let endpoint = FakeEndpoint(failures: 2)
        let sink = WebhookSink(outbox: outbox, url: { "https://hooks.example/cw" }, token: nil, send: endpoint.send,
                               clock: clock, baseDelay: 30, maxDelay: 3600)
        let wake = WakeSignal()
        let start = clock.now
        let task = Task { await sink.run(wake: wake) }
        var deadlines: [TimeInterval] = []
        for _ in 0..<2 {
            for _ in 0..<2000 where clock.sleeperCount == 0 { try await Task.sleep(for: .milliseconds(1)) }
            let deadline = try #require(clock.nextDeadline)
            deadlines.append(deadline.timeIntervalSince(clock.now))
            clock.advance(to: deadline)
        }
        for _ in 0..<2000 where outbox.delivered.count < 2 { try await Task.sleep(for: .milliseconds(1)) }
        task.cancel()
        await task.value
        #expect(deadlines == [30, 60])
        #expect(outbox.delivered == [1, 2])
        #expect(outbox.attempts[1] == 2)
        #expect(clock.now.timeIntervalSince(start) == 90)
    }

    @Test func noWebhookConfiguredSendsNothing() async {
        let outbox = ListOutbox(count: 1)
        let endpoint = FakeEndpoint(failures: 0)
        let sink = WebhookSink(outbox: outbox, url: { nil }, token: nil, send: endpoint.send)
        #expect(await sink.deliverPending().delivered == 0)
        #expect(endpoint.requests.withLock { $0.isEmpty })
    }

    @Test func tokenFromEnvironmentOrCredential() throws {
        #expect(WebhookSink.token(environment: ["CITYWATCH_WEBHOOK_TOKEN": " abc\n"]) == "abc")
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("cw-cred-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "from-credential\n".write(to: directory.appendingPathComponent("webhook-token"), atomically: true,
                                      encoding: .utf8)
        #expect(WebhookSink.token(environment: ["CREDENTIALS_DIRECTORY": directory.path]) == "from-credential")
        #expect(WebhookSink.token(environment: ["CITYWATCH_WEBHOOK_TOKEN": "env",
                                                "CREDENTIALS_DIRECTORY": directory.path]) == "env")
        #expect(WebhookSink.token(environment: [:]) == nil)
    }
}
