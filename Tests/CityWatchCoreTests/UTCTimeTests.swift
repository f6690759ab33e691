import Foundation
import Testing
@testable import CityWatchSupport

@Suite struct UTCTimeTests {
    @Test func timesAreISOUTCToTheSecond() {
        #expect(UTCTime.string(Date(timeIntervalSince1970: 1_795_003_205.7)) == "2026-11-18T12:00:05Z")
        #expect(UTCTime.string(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(UTCTime.string(Date(timeIntervalSince1970: 981_173_106)) == "2001-02-03T04:05:06Z")
        #expect(UTCTime.string(Date(timeIntervalSince1970: 253_402_300_799)) == "9999-12-31T23:59:59Z")
        #expect(UTCTime.date("2026-11-18T12:00:05Z") == Date(timeIntervalSince1970: 1_795_003_205))
    }

    @Test func readsWhatTheFormatterReads() {
        let formatter = ISO8601DateFormatter()
        for text in ["2026-11-18T12:00:05Z", "2024-02-29T23:59:59Z", "1583-01-01T00:00:00Z", "2026-02-30T00:00:00Z",
                     "2026-11-18T24:00:00Z", "1500-01-01T00:00:00Z", "2026-11-18T12:00:05+01:00"] {
            #expect(UTCTime.date(text) == formatter.date(from: text), "\(text)")
        }
        #expect(UTCTime.date("2026-11-18T12:00:05.5Z") == Date(timeIntervalSince1970: 1_795_003_205.5))
        #expect(UTCTime.date("2026-11-18") == Date(timeIntervalSince1970: 1_794_960_000))
        #expect(UTCTime.date("yesterday") == nil)
    }

    @Test func yearsOutsideFourDigitsAreClamped() {
        #expect(UTCTime.string(epochSeconds: 253_402_300_800) == "9999-01-01T00:00:00Z")
        #expect(UTCTime.string(epochSeconds: -62_167_219_201) == "0000-12-31T23:59:59Z")
    }
}
