import Testing
@testable import BylawSource

@Suite("JSON written as bytes")
struct JSONBytesTests {
    @Test("strings are escaped per RFC 8259, U+2028/2029 too", arguments: [
        ("", #""""#), ("plain", #""plain""#), ("quote \" and backslash \\", #""quote \" and backslash \\""#),
        ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#), ("\u{1}\u{1F}\u{7F}", "\"\\u0001\\u001f\u{7F}\""),
        ("é日本👩‍👩‍👧", "\"é日本👩‍👩‍👧\""), ("\u{2028}sep\u{2029}", #""\u2028sep\u2029""#), ("â\u{80}", "\"â\u{80}\""),
        ("ends with \\", #""ends with \\""#),
    ])
    func strings(_ text: String, _ expected: String) {
        var bytes: [UInt8] = []
        JSONBytes.writeString(text, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        #expect(JSONValue.string(text).compact == expected, "JSONValue writes the same")
    }

    @Test("integers", arguments: [0, 7, -7, 10, 1_234_567_890, Int.max, Int.min])
    func integers(_ value: Int) {
        var bytes: [UInt8] = []
        JSONBytes.writeInt(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == String(value))
    }
}
