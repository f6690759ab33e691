import Foundation
import Testing
@testable import CityWatchFetching
@testable import CityWatchConfig
@testable import CityWatchNotify
import CityWatchTestSupport

/// Debian's python3-aiosmtpd on loopback (scripts/smtp-test-server), with a self-signed certificate and AUTH.
final class SMTPTestServer: @unchecked Sendable {
    let folder = temporaryFolder("smtp")
    let port: Int
    private let process = Process()
    private let input = Pipe()

    static let python = "/usr/bin/python3"
    static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/smtp-test-server").path
    }
    /// Whether the server can run here (python3-aiosmtpd and openssl installed: `make deps`).
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: python) && FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")
            && (try? run(python, ["-c", "import aiosmtpd"])) == 0
    }

    var cert: String { folder + "/cert.pem" }
    var outbox: String { folder + "/out" }

    init(mode: String) throws {
        try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        guard try Self.run("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                                                "-keyout", folder + "/key.pem", "-out", folder + "/cert.pem",
                                                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"]) == 0
        else { throw TestHTTPServer.ServerError(message: "openssl failed") }
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Self.script, "--mode", mode, "--cert", folder + "/cert.pem", "--key", folder + "/key.pem",
                             "--out", folder + "/out",
                             "--user", "citywatch", "--password", "s3cret"]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            process.terminate()
            throw TestHTTPServer.ServerError(message: "smtp-test-server did not start: \(text)")
        }
        self.port = port
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }

    /// The n-th message received (1-based): its bytes and its envelope.
    func message(_ n: Int) -> (text: String, envelope: [String: Any])? {
        guard let json = FileManager.default.contents(atPath: "\(outbox)/\(n).json"),
              let eml = FileManager.default.contents(atPath: "\(outbox)/\(n).eml") else { return nil }
        return (String(decoding: eml, as: UTF8.self), jsonObject(json))
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

@Suite(.serialized, .enabled(if: SMTPTestServer.available, "needs python3-aiosmtpd and openssl (make deps)"))
struct EmailNotifierTests {
    func entry(_ url: String, server: SMTPTestServer, html: Bool = false) -> Config.Notify {
        notifyEntry(.email, name: "desk mail", url: url) {
            $0.from = "citywatch <citywatch@example.org>"; $0.to = ["desk@example.org", "Editor <ed@example.org>"]
            $0.username = "citywatch"; $0.caFile = server.cert; $0.html = html
        }
    }

    @Test func startTLSWithAuthDeliversAPlainTextMessage() async throws {
        let server = try SMTPTestServer(mode: "starttls")
        defer { server.stop() }
        let alert = NotifyBench.alert("San José, CA", evidence: "Agents were seen in San José.")
        let notifier = EmailNotifier(entry: entry("smtp://127.0.0.1:\(server.port)", server: server), password: "s3cret")
        let reply = try await notifier.send(NotifyMessage(alert: alert, seq: 3, line: alert.jsonLine))
        #expect(reply.status == 250)
        #expect(reply.firstLine.contains("250"))
        let (text, envelope) = try #require(server.message(1))
        #expect(envelope["user"] as? String == "citywatch" && envelope["tls"] as? Bool == true)
        #expect(envelope["mail_from"] as? String == "citywatch@example.org")
        #expect(envelope["rcpt_tos"] as? [String] == ["desk@example.org", "ed@example.org"])
        #expect(text.contains("\r\nMessage-ID: <alert-\(alert.id)-3.deskmail@example.org>\r\n"))
        #expect(text.range(of: #"Date: [A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000"#, options: .regularExpression) != nil)
        // "San José" is not ASCII: the subject is an RFC 2047 encoded word.
        #expect(text.contains("Subject: =?utf-8?B?"))
        #expect(text.contains("Content-Type: text/plain; charset=utf-8"))
        let body = try #require(text.components(separatedBy: "\r\n\r\n").dropFirst().first)
        let decoded = String(decoding: Data(base64Encoded: body.replacingOccurrences(of: "\r\n", with: "")) ?? Data(), as: UTF8.self)
        #expect(decoded.contains("New city: San José, CA"))
        #expect(decoded.contains("https://news.example/SanJos"))
    }

    @Test func smtpsSendsMultipartAlternativeWithHTML() async throws {
        let server = try SMTPTestServer(mode: "smtps")
        defer { server.stop() }
        let alert = NotifyBench.alert("Chicago, IL", evidence: "Agents <b>arrived</b>.")
        let notifier = EmailNotifier(entry: entry("smtps://localhost:\(server.port)", server: server, html: true), password: "s3cret")
        _ = try await notifier.send(NotifyMessage(alert: alert, seq: 4, line: alert.jsonLine))
        let (text, envelope) = try #require(server.message(1))
        #expect(envelope["tls"] as? Bool == true)
        #expect(text.contains("Subject: citywatch: New city: Chicago, IL\r\n"))
        #expect(text.contains("Content-Type: multipart/alternative; boundary="))
        #expect(text.contains("Content-Type: text/plain; charset=utf-8") && text.contains("Content-Type: text/html; charset=utf-8"))
    }

    @Test func aWrongPasswordFailsWithTheServersAnswer() async throws {
        let server = try SMTPTestServer(mode: "starttls")
        defer { server.stop() }
        let notifier = EmailNotifier(entry: entry("smtp://127.0.0.1:\(server.port)", server: server), password: "wrong")
        do {
            _ = try await notifier.send(NotifyMessage.sample())
            Issue.record("expected a refusal")
        } catch let error as FetchError {
            #expect(error.message.contains("535") || error.message.lowercased().contains("login denied"))
        }
        #expect(server.message(1) == nil)
    }

    @Test func encodedWordsSplitLongSubjects() {
        let subject = String(repeating: "Ciudad Juárez ", count: 10)
        let encoded = EmailMessage.encodedWord(subject)
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1 && words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?utf-8?B?") && $0.hasSuffix("?=") })
        let back = words.map { String(decoding: Data(base64Encoded: String($0.dropFirst(10).dropLast(2)))!, as: UTF8.self) }.joined()
        #expect(back == subject.trimmingCharacters(in: .init()))
        #expect(EmailMessage.encodedWord("plain ascii") == "plain ascii")
    }
}
