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

    @Test("integers of every length, around each power of ten, both signs")
    func everyLength() {
        var values: [Int] = []
        for exponent in 0...18 {
            let power = (0..<exponent).reduce(1) { product, _ in product * 10 }
            values += [power - 1, power, power + 1, power * 5 + 3]
        }
        for value in values + values.map({ -$0 }) + [Int.max - 1, Int.min + 1] {
            var bytes: [UInt8] = []
            JSONBytes.writeInt(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
    }
}

@Suite("JSON bytes: the word-at-a-time scan")
struct JSONBytesWordScanTests {
    /// A plain reference: escape scalar by scalar.
    static func reference(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test("a special character at every offset of a long string", arguments: ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{2028}", "\u{2029}", "…", "é", "日", "\u{7F}", " "])
    func everyOffset(_ special: String) {
        for length in [7, 8, 9, 15, 16, 17, 33] {
            for offset in 0...length {
                var text = String(repeating: "a", count: length)
                text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: offset))
                // Alone, then again in the last bytes (which one word ending at the last byte
                // decides when none of them needs attention).
                for written in [text, text + "b" + special, text + special + "bc"] {
                    var bytes: [UInt8] = []
                    JSONBytes.writeString(written, to: &bytes)
                    #expect(String(decoding: bytes, as: UTF8.self) == Self.reference(written), "\(written.debugDescription)")
                }
            }
        }
    }
}

@Suite("JSON bytes: one reservation for a whole line")
struct JSONByteWriterTests {
    @Test("the string bound is exact for the worst case, and holds for any text", arguments: [
        String(repeating: "\u{1}", count: 37), "", "a", String(repeating: "\u{2028}", count: 5), "quote \" \\ é 日本 \n\t\u{1F}",
    ])
    func stringBound(_ text: String) {
        let utf8 = Array(text.utf8)
        var out: [UInt8] = [0x41]
        utf8.withUnsafeBufferPointer { bytes in
            JSONByteWriter.append(to: &out, reserving: JSONByteWriter.stringBound(bytes.count)) { $0.writeString(utf8: bytes) }
        }
        var expected: [UInt8] = [0x41]
        JSONBytes.writeString(text, to: &expected)
        #expect(out == expected, "appended after what the array held")
        #expect(out.count - 1 <= JSONByteWriter.stringBound(utf8.count))
        if text.unicodeScalars.allSatisfy({ $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" }) {
            #expect(out.count - 1 == JSONByteWriter.stringBound(utf8.count), "control characters take the whole bound")
        }
    }

    @Test("pieces written into one reservation are the pieces appended one by one")
    func severalPieces() {
        let head: [UInt8] = Array("{\"rule\":\"p.r\",\"message\":".utf8)
        let message = Array("a \"quoted\" message\n".utf8)
        var out: [UInt8] = []
        message.withUnsafeBufferPointer { message in
            JSONByteWriter.append(to: &out, reserving: head.count + JSONByteWriter.stringBound(message.count) + 2 * JSONByteWriter.intBound + 12) { writer in
                writer.write(head)
                writer.writeString(utf8: message)
                writer.write(",\"line\":")
                writer.writeInt(Int.min)
                writer.write(0x2C)
                writer.writeInt(42)
                writer.write("}\n")
            }
        }
        var expected = head
        JSONBytes.writeString(String(decoding: message, as: UTF8.self), to: &expected)
        JSONBytes.write(",\"line\":", to: &expected)
        JSONBytes.writeInt(Int.min, to: &expected)
        expected.append(0x2C)
        JSONBytes.writeInt(42, to: &expected)
        JSONBytes.write("}\n", to: &expected)
        #expect(out == expected)
        #expect(String(decoding: out, as: UTF8.self).hasSuffix(",\"line\":-9223372036854775808,42}\n"))
    }

    @Test("writing past the reservation stops the process instead of writing past it")
    func pastTheBound() async {
        await #expect(processExitsWith: .failure) {
            var out: [UInt8] = []
            JSONByteWriter.append(to: &out, reserving: 3) { $0.write("four") }
        }
    }
}
