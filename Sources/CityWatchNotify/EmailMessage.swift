import Foundation
import CityWatchSupport
import CityWatchKnowledge
import CityWatchAlerts

/// An RFC 5322 message with MIME parts: plain text, optionally with an HTML alternative; headers RFC 2047-encoded
/// when they are not ASCII; every line ends in CRLF.
package struct EmailMessage: Sendable {
    package var from: String
    package var to: [String]
    package var subject: String
    package var text: String
    package var html: String?
    package var date: Date
    package var messageID: String

    package init(from: String, to: [String], subject: String, text: String, html: String? = nil, date: Date,
                messageID: String) {
        self.from = from; self.to = to; self.subject = subject; self.text = text; self.html = html
        self.date = date; self.messageID = messageID
    }

    /// The whole message, ready for the SMTP DATA phase.
    package var rendered: String {
        var head = "Date: \(Self.rfc5322Date(date))\r\n"
        head += "From: \(Self.clean(from))\r\n"
        head += "To: \(to.map(Self.clean).joined(separator: ", "))\r\n"
        head += "Message-ID: <\(Self.clean(messageID))>\r\n"
        head += "Subject: \(Self.encodedWord(subject))\r\n"
        head += "MIME-Version: 1.0\r\n"
        head += "Auto-Submitted: auto-generated\r\n"
        head += "X-Mailer: citywatch/\(CityWatch.version)\r\n"
        guard let html else {
            return head + Self.part(type: "text/plain", body: text)
        }
        let boundary = "=_citywatch_\(AlertID.hex(AlertID.fnv1a64(messageID + text)))"
        var out = head + "Content-Type: multipart/alternative; boundary=\"\(boundary)\"\r\n\r\n"
        out += "This is a message in MIME format.\r\n"
        out += "--\(boundary)\r\n" + Self.part(type: "text/plain", body: text)
        out += "--\(boundary)\r\n" + Self.part(type: "text/html", body: html)
        return out + "--\(boundary)--\r\n"
    }

    /// Content headers and a base64 body (safe for any text: no long lines, no lone dots, no 8-bit bytes).
    static func part(type: String, body: String) -> String {
        var out = "Content-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        let encoded = Data(body.utf8).base64EncodedString()
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            out += encoded[index..<end] + "\r\n"
            index = end
        }
        return out
    }

    /// RFC 2047 B-encoding when the text is not plain ASCII, split into encoded words of at most 75 characters
    /// (each holding whole characters).
    package static func encodedWord(_ text: String) -> String {
        let line = clean(text)
        if line.unicodeScalars.allSatisfy({ $0.isASCII }) { return line }
        var words: [String] = []
        var chunk = ""
        for character in line {
            let candidate = chunk + String(character)
            // "=?utf-8?B?" + base64 + "?=": 12 characters of frame, base64 grows by 4/3.
            if (candidate.utf8.count + 2) / 3 * 4 > 75 - 12, !chunk.isEmpty {
                words.append(chunk)
                chunk = String(character)
            } else {
                chunk = candidate
            }
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?utf-8?B?" + Data($0.utf8).base64EncodedString() + "?=" }.joined(separator: "\r\n ")
    }

    /// "Tue, 01 Dec 2026 23:50:00 +0000".
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    /// Header text on one line, control characters out.
    static func clean(_ text: String) -> String { NotifyMessage.clean(text) }

    /// A minimal HTML rendering of a plain-text body (escaped; links made clickable).
    package static func html(from text: String, title: String) -> String {
        var body = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let escaped = AtomFeed.escape(trimmed)
            if trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") {
                body += "<p style=\"margin:0 0 0 2em\"><a href=\"\(escaped)\">\(escaped)</a></p>\n"
            } else if trimmed.isEmpty {
                body += "<br>\n"
            } else {
                let indent = line.prefix { $0 == " " }.count
                body += "<p style=\"margin:0 0 0 \(indent)em\">\(escaped)</p>\n"
            }
        }
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>\(AtomFeed.escape(title))</title></head><body>\n"
            + body + "</body></html>\n"
    }
}
