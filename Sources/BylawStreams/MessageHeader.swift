/// The headers Bylaw reads and writes on stream messages, besides JetStream's `Nats-Msg-Id`.
public enum MessageHeader {
    /// On a usage message `bylaw publish` sent: the file it came from, as `bylaw eval` names it.
    public static let source = "Bylaw-Source"
    /// On a usage message `bylaw publish` sent: its line number in that file.
    public static let line = "Bylaw-Line"
    /// On a usage message `bylaw publish` sent for a line longer than its `--max-line`: that
    /// limit (the message holds only the line's start, and is malformed wherever it is read).
    public static let tooLong = "Bylaw-Line-Too-Long"
}

/// Where a usage message came from, for the location its findings name.
struct MessageOrigin {
    /// The file `bylaw publish` read, or the stream's name.
    let path: String
    /// The line in that file, or the message's sequence number in the stream.
    let line: Int
    /// The publisher's line limit, when the line was longer.
    let tooLongLimit: Int?

    init(_ message: NATSMessage, stream: String, sequence: UInt64) {
        // Only a message that carries both headers names a file; a lone one could mix the
        // numbering of a file with the stream's.
        if let source = message.header(MessageHeader.source), let text = message.header(MessageHeader.line), let line = Int(text), line > 0,
           !source.isEmpty, source.utf8.count <= 4096
        {
            path = source
            self.line = line
        } else {
            path = stream
            line = Int(clamping: sequence)
        }
        tooLongLimit = message.header(MessageHeader.tooLong).flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
    }
}

/// The `Nats-Msg-Id` of what a member publishes: the same for a message however many times it
/// is delivered, so JetStream stores each finding once within the findings stream's duplicate
/// window.
///
/// `STREAM:SEQUENCE:RULE:N` for the Nth finding (from 0) of rule RULE on the message at
/// SEQUENCE, `STREAM:SEQUENCE:malformed` for a malformed message's report.
public enum FindingMessageID {
    public static func finding(stream: String, sequence: UInt64, rule: String, ordinal: Int) -> String {
        "\(stream):\(sequence):\(rule):\(ordinal)"
    }

    public static func malformed(stream: String, sequence: UInt64) -> String {
        "\(stream):\(sequence):malformed"
    }
}
