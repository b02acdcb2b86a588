import Testing
@testable import BylawSource

@Suite("JSON written as bytes")
struct JSONBytesTests {
    @Test("strings are escaped exactly as JSONValue escapes them", arguments: [
        "", "plain", "quote \" and backslash \\", "line\nbreak\r\ttab", "\u{1}\u{1F}\u{7F}", "é日本👩‍👩‍👧",
        "\u{2028}sep\u{2029}", "\u{E2}\u{80}", "ends with \\", "\"",
    ])
    func strings(_ text: String) {
        var bytes: [UInt8] = []
        JSONBytes.writeString(text, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == JSONValue.string(text).compact)
    }

    @Test("integers", arguments: [0, 7, -7, 10, 1_234_567_890, Int.max, Int.min])
    func integers(_ value: Int) {
        var bytes: [UInt8] = []
        JSONBytes.writeInt(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == String(value))
    }
}
