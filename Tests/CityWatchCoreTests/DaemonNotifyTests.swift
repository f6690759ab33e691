import Foundation
import Testing
@testable import CityWatchAlerts
import CityWatchTestSupport

/// The real daemon with notifiers: the demo feed's alerts reach a loopback webhook once each, also across a restart.
@Suite(.serialized) struct DaemonNotifyTests {
    static var demo: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("demo")
    }

    func startDaemon(config: URL) throws -> Process {
        let process = Process()
        process.executableURL = try DaemonProcessTests.binary()
        process.arguments = ["run", "--config", config.path]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NOTIFY_SOCKET")
        process.environment = environment
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test(.timeLimit(.minutes(2)))
    func eachAlertArrivesOnceAcrossARestart() async throws {
        let hook = try TestHTTPServer { _, connection in connection.respond(200, text: "ok") }
        defer { hook.stop() }
        let directory = URL(fileURLWithPath: temporaryFolder())
        try FileManager.default.copyItem(at: Self.demo, to: directory.appendingPathComponent("demo"))
        let config = directory.appendingPathComponent("citywatch.toml")
        try """
            [storage]
            state_dir = "state"
            [alerts]
            log = "state/alerts.jsonl"
            atom = "state/alerts.atom"
            [[feed]]
            name = "demo"
            url = "file:demo/feed.xml"
            [[notify]]
            name = "archive"
            type = "webhook"
            url = "\(hook.base)/hook"
            """.write(to: config, atomically: true, encoding: .utf8)
        let log = AlertLog(path: directory.appendingPathComponent("state/alerts.jsonl").path)

        let first = try startDaemon(config: config)
        var logged: [String] = []
        for _ in 0..<300 {
            try await Task.sleep(for: .milliseconds(100))
            logged = (try? log.entries().compactMap { $0.string("id") }) ?? []
            if !logged.isEmpty, hook.requests.count >= logged.count { break }
        }
        first.terminate()
        first.waitUntilExit()
        #expect(!logged.isEmpty)
        let received = hook.requests.compactMap { $0.headers["x-citywatch-alert-id"] }
        #expect(received.sorted() == logged.sorted())
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("state/alerts.atom").path))

        // A restart: nothing new in the feed, and nothing sent again.
        let second = try startDaemon(config: config)
        try await Task.sleep(for: .seconds(3))
        second.terminate()
        second.waitUntilExit()
        #expect(hook.requests.count == received.count)
        #expect(second.terminationStatus == 0)
    }
}
