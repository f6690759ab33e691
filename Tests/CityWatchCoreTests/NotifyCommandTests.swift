import Foundation
import Testing
import CityWatchTestSupport

/// `citywatch notify test NAME`: the real binary against a loopback receiver.
@Suite(.serialized) struct NotifyCommandTests {
    func run(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try DaemonProcessTests.binary()
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.timeLimit(.minutes(1)))
    func saysWhatTheServerAnswered() throws {
        let server = try TestHTTPServer { request, connection in
            if request.path.hasSuffix("/gone") { connection.respond(404, text: "no_service\nsecond line") }
            else { connection.respond(200, text: "ok") }
        }
        defer { server.stop() }
        let folder = temporaryFolder()
        let config = folder + "/citywatch.toml"
        try """
            [storage]
            state_dir = "state"
            [[notify]]
            name = "team"
            type = "slack"
            token_env = "CW_TEST_SLACK"
            [[notify]]
            name = "gone"
            type = "discord"
            token_env = "CW_TEST_GONE"
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let environment = ["CW_TEST_SLACK": server.base + "/services/T/B/X", "CW_TEST_GONE": server.base + "/api/webhooks/1/gone"]
        let ok = try run(["notify", "test", "team", "--config", config], environment: environment)
        #expect(ok.status == 0)
        #expect(ok.output.contains("slack notifier \"team\": sent; the server answered HTTP 200: ok"))
        #expect((jsonObject(try #require(server.requests.first).body)["text"] as? String)?.contains("test message") == true)
        let gone = try run(["notify", "test", "gone", "--config", config], environment: environment)
        #expect(gone.status == 1)
        #expect(gone.output.contains("http 404; the server answered: no_service"))
        let unknown = try run(["notify", "test", "nobody", "--config", config], environment: environment)
        #expect(unknown.status == 2 && unknown.output.contains("no notifier named \"nobody\""))
        let missing = try run(["check-config", "--config", config], environment: ["CW_TEST_SLACK": ""])
        #expect(missing.status == 2 && missing.output.contains("CW_TEST_SLACK is not set"))
    }
}
