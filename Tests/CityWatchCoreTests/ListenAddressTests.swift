import Foundation
import Testing
@testable import CityWatchConfig

@Suite struct ListenAddressTests {
    func config(_ http: String) throws(ConfigError) -> Config {
        try Config.parse("[storage]\nstate_dir = \"/tmp/cw\"\n\(http)\n", file: "/etc/citywatch/citywatch.toml")
    }

    @Test func parsesHostAndPort() throws {
        #expect(try ListenAddress.parse("127.0.0.1:8787").get() == ListenAddress(host: "127.0.0.1", port: 8787))
        #expect(try ListenAddress.parse("[::1]:9000").get() == ListenAddress(host: "::1", port: 9000))
        #expect(try ListenAddress.parse("localhost:0").get().port == 0)
        #expect(try ListenAddress.parse("[::1]:9000").get().description == "[::1]:9000")
        for bad in ["127.0.0.1", ":8787", "127.0.0.1:", "127.0.0.1:70000", "::1:8787", "[::1]8787", "[::1:8787", "host:port"] {
            #expect((try? ListenAddress.parse(bad).get()) == nil, "\(bad)")
        }
    }

    @Test func loopbackIsTold() throws {
        for host in ["127.0.0.1", "127.1.2.3", "::1", "localhost"] { #expect(ListenAddress(host: host, port: 1).isLoopback, "\(host)") }
        for host in ["0.0.0.0", "192.168.1.10", "::", "example.org"] { #expect(!ListenAddress(host: host, port: 1).isLoopback, "\(host)") }
    }

    @Test func theHTTPTableIsOptionalAndChecked() throws {
        #expect(try config("").httpListen == nil)
        #expect(try config("[http]\nlisten = \"127.0.0.1:8787\"").httpListen == ListenAddress(host: "127.0.0.1", port: 8787))
        #expect(try config("[http]\nlisten = \"0.0.0.0:8787\"").httpListen?.isLoopback == false)
        do {
            _ = try config("[http]\nlisten = \"8787\"\nport = 1")
            Issue.record("accepted a bad [http] table")
        } catch {
            let text = error.description
            #expect(text.contains("citywatch.toml:4: [http] listen: \"8787\": no port"))
            #expect(text.contains("[http] port: unknown key"))
        }
    }
}
