import Foundation
import Testing
@testable import CityWatchDaemon
import CityWatchTestSupport

/// Starts the real `citywatch run` with a fake `$NOTIFY_SOCKET` and drives it with signals.
@Suite(.serialized) struct DaemonProcessTests {
    /// The built executable next to the test bundle. `swift test` builds every product, so a missing one means
    /// a partial build: the tests that need it fail and say how to build it rather than skip in silence.
    static func binary() throws -> URL {
        let url = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("citywatch")
        guard FileManager.default.isExecutableFile(atPath: url.path) else { throw MissingBinary(path: url.path) }
        return url
    }

    struct MissingBinary: Error, CustomStringConvertible {
        let path: String
        var description: String {
            "the citywatch executable is missing at \(path): run `swift build` (or `swift build --product citywatch`) and then the tests again"
        }
    }

    static func config(feeds: [String], in directory: URL) -> String {
        var text = """
            [storage]
            state_dir = "state"

            [alerts]
            log = "log/alerts.jsonl"

            [schedule]
            interval = "1s"
            concurrency = 2

            """
        for name in feeds {
            text += "\n[[feed]]\nname = \"\(name)\"\nurl = \"file://\(directory.path)/\(name).xml\"\n"
        }
        return text
    }

    /// The daemon's schedule of one feed, from the status file it keeps in state_dir.
    static func nextPoll(_ feed: String, in directory: URL) -> Date? {
        let url = DaemonPlan.statusFile(inStateDirectory: directory.appendingPathComponent("state"))
        return (try? FeedStatusFile.read(from: url))??.feeds.first { $0.name == feed }?.nextPoll
    }

    @Test(.timeLimit(.minutes(1)))
    func readyReloadAndStop() async throws {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("cw-daemon-\(UUID())")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("state"),
                                                withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("log"),
                                                withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let feedXML = #"<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>"#
        for name in ["a", "b"] {
            try feedXML.write(to: directory.appendingPathComponent("\(name).xml"), atomically: true, encoding: .utf8)
        }
        let configURL = directory.appendingPathComponent("citywatch.toml")
        try Self.config(feeds: ["a"], in: directory).write(to: configURL, atomically: true, encoding: .utf8)

        let receiver = try NotifyReceiver()
        let process = Process()
        process.executableURL = try Self.binary()
        process.arguments = ["run", "--config", configURL.path]
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = receiver.path
        environment["WATCHDOG_USEC"] = "1000000"
        environment.removeValue(forKey: "WATCHDOG_PID")
        process.environment = environment
        let stderr = Pipe()
        process.standardError = stderr
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // READY=1 once the store is open.
        #expect(receiver.receive(until: "READY=1") != nil)

        // A broken config: RELOADING=1 (with MONOTONIC_USEC), then READY=1 again, and the daemon keeps going.
        try "[schedule]\ninterval = \"soon\"\nbogus = 1\n".write(to: configURL, atomically: true, encoding: .utf8)
        kill(process.processIdentifier, SIGHUP)
        let broken = try #require(receiver.receive(until: "RELOADING=1"))
        #expect(broken.last?.contains("MONOTONIC_USEC=") == true)
        #expect(receiver.receive(until: "READY=1") != nil)
        #expect(process.isRunning)
        // The old feed is still polled: its next poll moves on.
        let before = Self.nextPoll("a", in: directory)
        var moved = false
        for _ in 0..<200 where !moved {
            try await Task.sleep(for: .milliseconds(100))
            if let now = Self.nextPoll("a", in: directory), now != before { moved = true }
        }
        #expect(moved)

        // A good config adding feed "b": it gets scheduled.
        try Self.config(feeds: ["a", "b"], in: directory).write(to: configURL, atomically: true, encoding: .utf8)
        kill(process.processIdentifier, SIGHUP)
        #expect(receiver.receive(until: "RELOADING=1") != nil)
        #expect(receiver.receive(until: "READY=1") != nil)
        var added = false
        for _ in 0..<100 where !added {
            try await Task.sleep(for: .milliseconds(100))
            added = Self.nextPoll("b", in: directory) != nil
        }
        #expect(added)

        // SIGTERM: STOPPING=1 and exit status 0, within a few seconds.
        let stopAt = Date()
        process.terminate()
        #expect(receiver.receive(until: "STOPPING=1") != nil)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(Date().timeIntervalSince(stopAt) < 5)

        let log = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("<3>config reload failed, still running the previous config"))
        #expect(log.contains("config reloaded: 2 feeds (1 added, 0 removed, 0 changed)"))
    }
}
