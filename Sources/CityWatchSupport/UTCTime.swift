import Foundation

/// ISO 8601 times in UTC to the second ("2026-11-18T12:00:05Z"): the one writer and reader of them, and the
/// calendar arithmetic behind both (proleptic Gregorian, Howard Hinnant's days_from_civil).
package enum UTCTime {
    /// The time, its fraction of a second dropped.
    package static func string(_ date: Date) -> String {
        string(epochSeconds: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    /// Seconds since 1970-01-01T00:00:00Z as "YYYY-MM-DDTHH:MM:SSZ"; a year outside 0...9999 is written as 0 or 9999.
    package static func string(epochSeconds seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rem = seconds - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        // Written digit by digit: every poll stamps a time, and String(format:) costs more than the rest of it.
        var out = [UInt8]()
        out.reserveCapacity(20)
        func two(_ v: Int64) { out.append(UInt8(48 + v / 10)); out.append(UInt8(48 + v % 10)) }
        let year = max(0, min(9999, y))
        out.append(UInt8(48 + year / 1000)); out.append(UInt8(48 + (year / 100) % 10)); two(year % 100)
        out.append(0x2D); two(m); out.append(0x2D); two(d); out.append(0x54)
        two(rem / 3600); out.append(0x3A); two((rem / 60) % 60); out.append(0x3A); two(rem % 60); out.append(0x5A)
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads an ISO 8601 time: "YYYY-MM-DDTHH:MM:SSZ" directly; other forms (offsets, fractions, a bare date)
    /// through ISO8601DateFormatter.
    package static func date(_ text: String) -> Date? {
        if let seconds = canonicalSeconds(text) { return Date(timeIntervalSince1970: TimeInterval(seconds)) }
        let f = ISO8601DateFormatter()
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withFullDate]
        return f.date(from: text)
    }

    /// Seconds since the epoch of exactly "YYYY-MM-DDTHH:MM:SSZ" with every field in range; nil otherwise. Years
    /// before 1583 are left to the formatter, which counts them in the Julian calendar.
    static func canonicalSeconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { b -> Int64? in
            guard b.count == 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x5A
            else { return nil }
            func number(_ from: Int, _ count: Int) -> Int64? {
                var v: Int64 = 0
                for k in from..<(from + count) {
                    let c = b[k]
                    guard c >= 0x30 && c <= 0x39 else { return nil }
                    v = v * 10 + Int64(c - 0x30)
                }
                return v
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
                  let minute = number(14, 2), let second = number(17, 2),
                  year >= 1583, (1...12).contains(month), day >= 1, day <= daysInMonth(year, month), hour <= 23,
                  minute <= 59, second <= 59 else { return nil }
            return days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        }
    }

    /// Days since 1970-01-01 of a civil date.
    package static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date (year, month, day) of a day since 1970-01-01.
    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    package static func daysInMonth(_ year: Int64, _ month: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
