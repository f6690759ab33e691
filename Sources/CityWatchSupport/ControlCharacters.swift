/// Text with the characters a reader would trip on removed: notifications (e-mail and chat messages) and the
/// first line of a server's reply (SMTP and HTTP), which end up in logs and status files.
package enum ControlCharacters {
    /// Removes the characters XML 1.0 forbids or a reader would trip on: C0 controls (except tab and newline),
    /// DEL, C1 controls and the noncharacters U+FFFE/U+FFFF; a carriage return becomes a newline.
    package static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A: out.append(scalar)
            case 0x0D: out.append("\n")
            case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
