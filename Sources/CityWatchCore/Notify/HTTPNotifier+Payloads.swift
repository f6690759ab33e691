import Foundation

extension HTTPNotifier {
    /// The JSON bodies, as each service's public documentation defines them.
    enum Payload {
        /// Slack incoming webhook: `{"text": ...}` in mrkdwn, whose only special characters are &, < and >.
        static func slack(_ message: NotifyMessage) -> String {
            "{\"text\":" + JSONText.string(slackEscape(clip(message.text, to: 39_000))) + "}"
        }

        /// Discord webhook: `content` at most 2000 characters, and no @everyone or role pings from feed text.
        static func discord(_ message: NotifyMessage) -> String {
            "{\"content\":" + JSONText.string(clip(message.text, to: 2000)) + ",\"allowed_mentions\":{\"parse\":[]}}"
        }

        /// Matrix m.room.message event content.
        static func matrix(_ message: NotifyMessage) -> String {
            "{\"msgtype\":\"m.text\",\"body\":" + JSONText.string(message.text) + "}"
        }

        /// Telegram sendMessage: plain text (no parse_mode, so nothing in it is markup), at most 4096 characters.
        static func telegram(_ message: NotifyMessage, chatID: String) -> String {
            let chat = Int64(chatID).map(String.init) ?? JSONText.string(chatID)
            return "{\"chat_id\":" + chat + ",\"text\":" + JSONText.string(clip(message.text, to: 4096))
                + ",\"disable_web_page_preview\":true}"
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
