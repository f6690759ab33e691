import Foundation
import CityWatchSupport

extension HTTPNotifier {
    /// The JSON bodies, as each service's public documentation defines them.
    enum Payload {
        /// Slack incoming webhook: `{"text": ...}` in mrkdwn, whose only special characters are &, < and >.
        static func slack(_ message: NotifyMessage) -> String {
            JSONWriter.text { w in
                w.open(); w.key("text"); w.string(slackEscape(clip(message.text, to: 39_000))); w.close()
            }
        }

        /// Discord webhook: `content` at most 2000 characters, and no @everyone or role pings from feed text.
        static func discord(_ message: NotifyMessage) -> String {
            JSONWriter.text { w in
                w.open(); w.key("content"); w.string(clip(message.text, to: 2000))
                w.key("allowed_mentions"); w.open(); w.key("parse"); w.raw("[]"); w.close()
                w.close()
            }
        }

        /// Matrix m.room.message event content.
        static func matrix(_ message: NotifyMessage) -> String {
            JSONWriter.text { w in
                w.open(); w.key("msgtype"); w.string("m.text"); w.key("body"); w.string(message.text); w.close()
            }
        }

        /// Telegram sendMessage: plain text (no parse_mode, so nothing in it is markup), at most 4096 characters.
        static func telegram(_ message: NotifyMessage, chatID: String) -> String {
            JSONWriter.text { w in
                w.open(); w.key("chat_id")
                if let number = Int64(chatID) { w.append(String(number)) } else { w.string(chatID) }
                w.key("text"); w.string(clip(message.text, to: 4096))
                w.key("disable_web_page_preview"); w.bool(true)
                w.close()
            }
        }

        static func slackEscape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }

        /// At most `limit` characters, cut at a line break when one is near, with a mark that text was left out.
        static func clip(_ text: String, to limit: Int) -> String {
            guard text.count > limit else { return text }
            let mark = "\n… (cut: the full list is in the alert log)"
            var head = String(text.prefix(limit - mark.count))
            if let newline = head.lastIndex(of: "\n"), head.distance(from: newline, to: head.endIndex) < 400 {
                head = String(head[..<newline])
            }
            return head + mark
        }
    }
}
