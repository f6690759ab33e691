import Foundation
import Logging
import Testing
@testable import CityWatchSupport
@testable import CityWatchFetching
@testable import CityWatchKnowledge
@testable import CityWatchConfig
@testable import CityWatchNotify
import CityWatchTestSupport

/// Delivery from the outbox: storms of 429 and 500, crashes between send and record, filters and digests.
@Suite(.serialized) struct NotifierRunnerTests {
    let bench = NotifyBench()

    /// A receiver that answers with `script` in turn (then 200), recording each request.
    func receiver(_ script: [(Int, [(String, String)])]) throws -> TestHTTPServer {
        let count = Shared(0)
        return try TestHTTPServer { _, connection in
            let n = count.mutex.withLock { value -> Int in value += 1; return value }
            if n <= script.count {
                connection.respond(script[n - 1].0, script[n - 1].1, text: "busy \(script[n - 1].0)")
            } else {
                connection.respond(200, text: "ok")
            }
        }
    }

    func runner(_ entry: Config.Notify, store: KnowledgeStore, secret: String?,
                logger: Logger = Logger(label: "test")) -> NotifierRunner {
        NotifierRunner(entry: entry, notifier: .success(HTTPNotifier(entry: entry, secret: secret, fetcher: Fetcher())),
                       store: store, logger: logger, baseDelay: 30, maxDelay: 3600)
    }

    /// Runs the loop on a manual clock, advancing it to each deadline, until `delivered` requests got a 200.
    func drive(_ runner: NotifierRunner, clock: ManualClock, server: TestHTTPServer, expectRequests: Int) async throws -> [TimeInterval] {
        let wake = WakeSignal()
        let task = Task { await runner.run(wake: wake, clock: clock) }
        var waits: [TimeInterval] = []
        while server.requests.count < expectRequests {
            try await eventually { clock.sleeperCount > 0 || server.requests.count >= expectRequests }
            guard server.requests.count < expectRequests, let deadline = clock.nextDeadline else { break }
            waits.append(deadline.timeIntervalSince(clock.now))
            let before = server.requests.count
            clock.advance(to: deadline)
            try await eventually { server.requests.count > before }
        }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        await task.value
        return waits
    }

    @Test func a500StormBacksOffExponentiallyAndDeliversOnce() async throws {
        let store = try bench.store()
        let server = try receiver([(500, []), (500, []), (503, [])])
        defer { server.stop() }
        let entry = notifyEntry(.webhook, url: server.base + "/hook")
        let clock = ManualClock()
        try store.registerNotifier(name: entry.name, type: "webhook", now: clock.now)
        try store.enqueue([NotifyBench.alert("Denver, CO")])
        let (logger, lines) = JournalLogHandlerTests.capture()
        let waits = try await drive(runner(entry, store: store, secret: nil, logger: logger), clock: clock, server: server,
                                    expectRequests: 4)
        #expect(waits == [30, 60, 120])
        // Reported once when it starts failing and once when it recovers, not at every retry.
        let reports = lines.mutex.withLock { $0 }.filter { $0.hasPrefix("<4>") || $0.hasPrefix("<5>") }
        #expect(reports.count == 2)
        #expect(reports.first?.hasPrefix("<4>notifier \"test\" (webhook) is failing: http 500: busy 500") == true)
        #expect(reports.last == "<5>notifier \"test\" recovered after 3 failed attempts\n")
        #expect(server.requests.count == 4)
        #expect(try store.notifyStates(entry.name).values.sorted() == ["sent"])
        let state = try #require(try store.notifierState(entry.name))
        #expect(state.consecutiveFailures == 0 && state.lastSuccess != nil && state.queued == 0)
    }

    @Test func a429StormHonoursRetryAfter() async throws {
        let store = try bench.store()
        let server = try receiver([(429, [("Retry-After", "7")]), (429, [("Retry-After", "120")])])
        defer { server.stop() }
        let entry = notifyEntry(.slack)
        let clock = ManualClock()
        try store.registerNotifier(name: entry.name, type: "slack", now: clock.now)
        try store.enqueue([NotifyBench.alert("Austin, TX"), NotifyBench.alert("Boise, ID")])
        let waits = try await drive(runner(entry, store: store, secret: server.base + "/services/x"), clock: clock,
                                    server: server, expectRequests: 4)
        #expect(waits == [7, 120])
        let bodies = server.requests.map { jsonObject($0.body)["text"] as? String ?? "" }
        #expect(bodies.filter { $0.contains("Austin, TX") }.count == 3)   // two refusals, one delivery
        #expect(bodies.filter { $0.contains("Boise, ID") }.count == 1)
        #expect(try store.notifyStates(entry.name).values.sorted() == ["sent", "sent"])
    }

    @Test func aCrashBetweenSendAndRecordNeverSendsTwice() async throws {
        let server = try receiver([])
        defer { server.stop() }
        let entry = notifyEntry(.slack)
        do {
            let store = try bench.store()
            try store.registerNotifier(name: entry.name, type: "slack")
            try store.enqueue([NotifyBench.alert("Tulsa, OK")])
            var crashing = runner(entry, store: store, secret: server.base + "/services/x")
            crashing.interruptAfterSend = true
            _ = await crashing.deliverRound()
            #expect(server.requests.count == 1)
        }
        // The process is gone; a new one opens the same store.
        let reopened = try bench.store()
        try reopened.enqueue([NotifyBench.alert("Omaha, NE")])
        let round = await runner(entry, store: reopened, secret: server.base + "/services/x").deliverOnce()
        #expect(round.delivered == 1)
        let texts = server.requests.map { jsonObject($0.body)["text"] as? String ?? "" }
        #expect(texts.filter { $0.contains("Tulsa, OK") }.count == 1)
        #expect(texts.filter { $0.contains("Omaha, NE") }.count == 1)
        #expect(try reopened.notifyStates(entry.name).values.sorted() == ["sent", "uncertain"])
    }

    @Test func matrixResendsAfterACrashWithTheSameTransactionId() async throws {
        // A homeserver that stores each transaction id once, as the spec requires.
        let events = Shared<[String: Int]>([:])
        let server = try TestHTTPServer { request, connection in
            events.mutex.withLock { $0[request.path, default: 0] += 1 }
            connection.respond(200, text: "{\"event_id\":\"$1\"}")
        }
        defer { server.stop() }
        let entry = notifyEntry(.matrix) { $0.homeserver = server.base; $0.room = "!r:example.org" }
        do {
            let store = try bench.store()
            try store.registerNotifier(name: entry.name, type: "matrix")
            try store.enqueue([NotifyBench.alert("Reno, NV")])
            var crashing = runner(entry, store: store, secret: "tok")
            crashing.interruptAfterSend = true
            _ = await crashing.deliverRound()
        }
        let reopened = try bench.store()
        let round = await runner(entry, store: reopened, secret: "tok").deliverOnce()
        #expect(round.delivered == 1)
        #expect(server.requests.count == 2)
        #expect(events.mutex.withLock { $0 }.count == 1)   // both PUTs to one txn id: one event in the room
        #expect(try reopened.notifyStates(entry.name).values.sorted() == ["sent"])
    }

    @Test func filtersSkipAndMinSourcesHoldsUntilCorroborated() async throws {
        let store = try bench.store()
        let server = try receiver([])
        defer { server.stop() }
        let entry = notifyEntry(.webhook, url: server.base + "/hook") {
            $0.kinds = [.newCity]; $0.states = ["IL", "OR"]; $0.minSources = 2
        }
        try store.registerNotifier(name: entry.name, type: "webhook")
        let seqs = try store.enqueue([NotifyBench.alert("Chicago, IL"), NotifyBench.alert("Dallas, TX"),
                                      NotifyBench.alert("Portland, OR", kind: .newFigure)])
        try store.addCitySources("Chicago, IL", ["Tribune"])
        let first = await runner(entry, store: store, secret: nil).deliverOnce()
        #expect(first.delivered == 0 && first.skipped == 2 && first.held == 1)
        #expect(server.requests.isEmpty)
        try store.addCitySources("Chicago, IL", ["Sun-Times"])
        let second = await runner(entry, store: store, secret: nil).deliverOnce()
        #expect(second.delivered == 1 && second.held == 0)
        #expect(server.requests.map(\.headers["x-citywatch-alert-id"]) == [NotifyBench.alert("Chicago, IL").id])
        #expect(try store.notifyStates(entry.name) == [seqs[0]: "sent", seqs[1]: "skipped", seqs[2]: "skipped"])
    }

    @Test func anHourlyDigestGroupsByCityWithEvidenceAndLinks() async throws {
        let store = try bench.store()
        let server = try receiver([])
        defer { server.stop() }
        let entry = notifyEntry(.ntfy, url: server.base + "/topic") { $0.digest = DigestSchedule("hourly") }
        let clock = ManualClock(start: Date(timeIntervalSince1970: 1_800_000_000 + 600))   // 10 past the hour
        try store.registerNotifier(name: entry.name, type: "ntfy", now: clock.now)
        try store.enqueue([NotifyBench.alert("Chicago, IL"), NotifyBench.alert("Austin, TX"),
                           NotifyBench.alert("Chicago, IL", kind: .newFigure, value: 300, evidence: "300 agents in Chicago.")])
        let waits = try await drive(NotifierRunner(entry: entry, notifier: Notifiers.make(entry, environment: [:]), store: store),
                                    clock: clock, server: server, expectRequests: 1)
        #expect(waits == [3000])   // at the top of the hour, not before
        #expect(server.requests.count == 1)
        let text = String(decoding: try #require(server.requests.first).body, as: UTF8.self)
        #expect(text.hasPrefix("citywatch hourly digest: 3 alerts in 2 cities"))
        let austin = try #require(text.range(of: "\nAustin, TX\n"))
        let chicago = try #require(text.range(of: "\nChicago, IL\n"))
        #expect(austin.lowerBound < chicago.lowerBound)
        #expect(text.contains("  - New city: Chicago, IL\n    “Federal agents were seen in Chicago, IL on Monday.”"))
        #expect(text.contains("“300 agents in Chicago.”"))
        #expect(text.contains("    https://news.example/AustinTX/0\n"))
        #expect(try store.notifyStates(entry.name).values.allSatisfy { $0 == "sent" })
    }

    @Test func aMissingSecretFailsAndIsReportedInTheStore() async throws {
        let store = try bench.store()
        let entry = notifyEntry(.slack) { $0.secret = .init(environment: "CITYWATCH_TEST_NOPE") }
        try store.registerNotifier(name: entry.name, type: "slack")
        try store.enqueue([NotifyBench.alert("Reno, NV")])
        let round = await NotifierRunner(entry: entry, notifier: Notifiers.make(entry, environment: [:]), store: store).deliverOnce()
        #expect(round.failure?.contains("CITYWATCH_TEST_NOPE is not set") == true)
        let state = try #require(try store.notifierState(entry.name))
        #expect(state.consecutiveFailures == 1 && state.queued == 1)
    }

    @Test func digestScheduleFollowsTheTimeZone() throws {
        let chicago = try #require(TimeZone(identifier: "America/Chicago"))
        let schedule = try #require(DigestSchedule("daily 07:00"))
        let now = try #require(UTCTime.date("2026-12-01T14:00:00Z"))   // 08:00 in Chicago
        #expect(UTCTime.string(schedule.next(after: now, timeZone: chicago)) == "2026-12-02T13:00:00Z")
        #expect(DigestSchedule("hourly")?.next(after: now, timeZone: chicago) == now.addingTimeInterval(3600))
        #expect(DigestSchedule("daily 25:00") == nil && DigestSchedule("weekly") == nil)
    }
}

extension NotifierRunnerTests {
    @Test func telegramRetryAfterInTheBodyIsHonoured() async throws {
        let server = try TestHTTPServer { _, connection in
            connection.respond(429, text: #"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 9","parameters":{"retry_after":9}}"#)
        }
        defer { server.stop() }
        let entry = notifyEntry(.telegram) { $0.apiURL = server.base; $0.chatID = "1" }
        let store = try bench.store()
        try store.registerNotifier(name: entry.name, type: "telegram")
        try store.enqueue([NotifyBench.alert("Reno, NV")])
        let now = Date()
        let round = await runner(entry, store: store, secret: "1:abc").deliverRound(now: now)
        #expect(round.failure?.hasPrefix("http 429") == true)
        #expect(round.nextDue == now.addingTimeInterval(9))
    }

    @Test func matrixDigestInterruptedByACrashIsResentAsTheSameTransaction() async throws {
        let paths = Shared<[String]>([])
        let server = try TestHTTPServer { request, connection in
            paths.mutex.withLock { $0.append(request.path) }
            connection.respond(200, text: "{}")
        }
        defer { server.stop() }
        let entry = notifyEntry(.matrix) { $0.homeserver = server.base; $0.room = "!r:x"; $0.digest = DigestSchedule("hourly") }
        let start = Date(timeIntervalSince1970: 1_800_000_000 - 60)
        do {
            let store = try bench.store()
            try store.registerNotifier(name: entry.name, type: "matrix", now: start)
            try store.enqueue([NotifyBench.alert("Reno, NV"), NotifyBench.alert("Provo, UT")])
            var crashing = runner(entry, store: store, secret: "tok")
            crashing.interruptAfterSend = true
            _ = await crashing.deliverRound(now: start.addingTimeInterval(120))
        }
        let reopened = try bench.store()
        try reopened.enqueue([NotifyBench.alert("Ogden, UT")])   // raised while it was down
        let round = await runner(entry, store: reopened, secret: "tok").deliverOnce(now: start.addingTimeInterval(180))
        #expect(round.delivered == 2)
        #expect(paths.mutex.withLock { $0 }.count == 2 && Set(paths.mutex.withLock { $0 }).count == 1)   // the same txn id: one event
        // The new alert waits for the next digest.
        #expect(try reopened.notifierState(entry.name)?.queued == 1)
    }
}
