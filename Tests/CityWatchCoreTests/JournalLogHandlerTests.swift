import Foundation
import Logging
import Testing
@testable import CityWatchDaemon

@Suite struct JournalLogHandlerTests {
    /// A logger whose lines land in a list.
    static func capture(level: Logger.Level = .info) -> (Logger, Shared<[String]>) {
        let lines = Shared<[String]>([])
        let logger = Logger(label: "test") { label in
            JournalLogHandler(label: label, level: level) { line in lines.mutex.withLock { $0.append(line) } }
        }
        return (logger, lines)
    }

    @Test func prefixesEachLineWithItsPriority() {
        let (logger, lines) = Self.capture()
        logger.error("store gone")
        logger.warning("feed failing")
        logger.notice("recovered")
        logger.info("running")
        logger.debug("not shown at info level")
        #expect(lines.mutex.withLock { $0 } == ["<3>store gone\n", "<4>feed failing\n", "<5>recovered\n", "<6>running\n"])
    }

    @Test func keepsAMessageOnOneJournalLine() {
        let (logger, lines) = Self.capture()
        logger.error("config reload failed:\nline 3: bad key", metadata: ["file": "/etc/citywatch/citywatch.toml"])
        #expect(lines.mutex.withLock { $0 } == ["<3>config reload failed:\\nline 3: bad key file=/etc/citywatch/citywatch.toml\n"])
    }

    @Test func aCyclesLinesAreEscapedJournalLinesWithTheFeed() {
        let lines = Shared<[String]>([])
        var logger = Cycle.journal { line in lines.mutex.withLock { $0.append(line) } }
        logger[metadataKey: "feed"] = "wire"
        logger.warning("citywatch: feed \"wire\": item https://x.example/\u{1B}[2J\n<3>forged skipped")
        logger.debug("not shown at info level")
        let out = lines.mutex.withLock { $0 }
        #expect(out.count == 1)
        #expect(out.first?.hasPrefix("<4>citywatch: feed \"wire\": item https://x.example/") == true)
        #expect(out.first?.hasSuffix(" feed=wire\n") == true)
        #expect(out.first.map { !$0.contains("\u{1B}") && $0.filter { $0 == "\n" }.count == 1 } == true)
    }

    @Test func healthSummaryCountsStates() {
        func feed(_ name: String, _ state: String, alerts: Int) -> FeedHealth {
            FeedHealth(name: name, url: "file:///\(name)", state: state, lastSuccess: nil, lastError: nil,
                       lastErrorTime: nil, consecutiveFailures: state == "failing" ? 2 : 0, nextPoll: nil,
                       retryAfter: nil, itemsSeen: 0, alertsRaised: alerts)
        }
        let feeds = [feed("a", "ok", alerts: 2), feed("b", "failing", alerts: 1), feed("c", "pending", alerts: 0)]
        #expect(FeedHealth.summary(feeds) == "3 feeds: 1 ok, 1 failing, 1 pending; 3 alerts raised")
        let json = feeds[2].jsonLine
        #expect(json.contains(#""last_success":null"#) && json.contains(#""next_poll":null"#))
    }
}
