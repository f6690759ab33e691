import Foundation
import Testing
@testable import CityWatchFetching
import CityWatchTestSupport

/// libcurl is opened on the first transfer, not at start-up: commands that fetch nothing never load it.
@Suite struct CurlLoaderTests {
    /// The libraries the dynamic loader opened for a run of the real executable (LD_DEBUG=libs on its stderr).
    func loadedLibraries(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = try DaemonProcessTests.binary()
        process.arguments = arguments
        process.environment = ["LD_DEBUG": "libs", "PATH": "/usr/bin:/bin"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }

    @Test func versionAndAFeedFileDoNotLoadLibcurl() throws {
        let folder = temporaryFolder()
        let feed = folder + "/feed.xml"
        try Data("<rss version=\"2.0\"><channel><title>t</title><item><title>i</title></item></channel></rss>".utf8)
            .write(to: URL(fileURLWithPath: feed))
        for arguments in [["--version"], ["feed", feed]] {
            let libraries = try loadedLibraries(arguments)
            #expect(libraries.contains("calling init"), "LD_DEBUG gave no output for \(arguments)")
            #expect(!libraries.contains("libcurl.so"), "\(arguments) loaded libcurl")
        }
    }

    @Test func aTransferLoadsLibcurlAndWorks() async throws {
        let server = try TestHTTPServer { _, connection in connection.respond(200, text: "loaded") }
        defer { server.stop() }
        let response = try await Fetcher().fetch(FetchRequest(url: server.base + "/x"))
        #expect(String(decoding: response.body, as: UTF8.self) == "loaded")
        let maps = String(decoding: try InputLoader.readFile("/proc/self/maps"), as: UTF8.self)
        #expect(maps.contains("libcurl.so"))
    }
}
