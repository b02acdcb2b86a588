import BylawSource
import Testing
@testable import BylawYAML

@Suite struct YAMLScalarResolutionTests {
    private func value(_ source: String) -> YAMLScalarValue? {
        load("v: \(source)\n").1.documents.first?["v"]?.scalar?.value
    }

    @Test(arguments: [
        ("null", YAMLScalarValue.null), ("Null", .null), ("NULL", .null), ("~", .null), ("", .null),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("no", .string("no")), ("off", .string("off")), ("yes", .string("yes")), ("on", .string("on")),
        ("y", .string("y")), ("nULL", .string("nULL")), ("tRUE", .string("tRUE")),
        ("0", .int(0)), ("-17", .int(-17)), ("+4", .int(4)), ("0x1F", .int(31)), ("0o17", .int(15)),
        ("9223372036854775807", .int(Int64.max)), ("-9223372036854775808", .int(Int64.min)),
        ("0b101", .string("0b101")), ("0x", .string("0x")), ("1_000", .string("1_000")),
        ("1.5", .float(1.5)), ("-.5", .float(-0.5)), ("1.", .float(1)), ("1e3", .float(1000)),
        ("2.5E-2", .float(0.025)), (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)),
        ("+.INF", .float(.infinity)), ("1e", .string("1e")), (".", .string(".")), ("-x", .string("-x")),
        ("2026-03-31", .string("2026-03-31")), ("1.2.3", .string("1.2.3")),
        ("'true'", .string("true")), ("\"12\"", .string("12")), ("'~'", .string("~")),
        ("!!str 12", .string("12")), ("!!int '12'", .int(12)), ("!!float 3", .float(3)),
        ("!!bool \"true\"", .bool(true)), ("!!null ''", .null), ("!custom 12", .int(12)),
        ("! 12", .string("12")),
    ])
    func coreSchema(_ source: String, _ expected: YAMLScalarValue) {
        #expect(value(source) == expected, "\(source)")
    }

    /// Short decimals are computed without `strtod`; the value must be the one `strtod`
    /// (Swift's `Double(_: String)`) gives, bit for bit, rounding included.
    @Test func shortDecimalsMatchTheLongWay() {
        var seed: UInt64 = 11
        func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed >> 24
        }
        var texts = ["0.1", "0.3", "-0.0", "+0.5", "1.", ".5", "123456789012345", "0.000000000000001", "9.99999999999999", "0.0000000000000000000001"]
        for _ in 0..<20_000 {
            let digits = String(next() % 1_000_000_000_000_000)
            let point = Int(next() % UInt64(digits.count + 1))
            let sign = ["", "-", "+"][Int(next() % 3)]
            texts.append(sign + digits.prefix(point) + "." + digits.dropFirst(point))
        }
        for text in texts {
            let fast = Array(text.utf8).withUnsafeBufferPointer { YAMLScalarResolver.exactDecimal($0) }
            let slow = Double(text)
            #expect(fast?.bitPattern == slow?.bitPattern, "\(text)")
        }
        // More than 15 digits, or an exponent: left to the long way.
        #expect(Array("1234567890123456.5".utf8).withUnsafeBufferPointer { YAMLScalarResolver.exactDecimal($0) } == nil)
        #expect(Array("1e3".utf8).withUnsafeBufferPointer { YAMLScalarResolver.exactDecimal($0) } == nil)
        // Past 22 digits after the point, the power of ten is no longer exact.
        #expect(Array("0.00000000000000000000001".utf8).withUnsafeBufferPointer { YAMLScalarResolver.exactDecimal($0) } == nil)
    }

    @Test func nanIsAFloat() {
        guard case .float(let number)? = value(".NaN") else {
            Issue.record("expected a float")
            return
        }
        #expect(number.isNaN)
    }

    @Test func blockScalarsAreStrings() {
        #expect(load("v: |\n  12\n").1.documents.first?["v"]?.scalar?.value == .string("12\n"))
        #expect(load("v: >-\n  true\n").1.documents.first?["v"]?.scalar?.value == .string("true"))
    }

    @Test func tooLargeIntegerIsReported() {
        let (_, result) = load("a: 99999999999999999999\nb: '99999999999999999999'\n")
        #expect(result.diagnostics.map(\.code) == [.yamlIntRange])
        #expect(position(result.diagnostics.first) == "1:4")
        #expect(result.documents.first?["a"]?.scalar?.value == .string("99999999999999999999"))
    }

    @Test func valueThatDoesNotFitItsTagIsReported() {
        let (_, result) = load("a: !!int twelve\nb: !!bool yes\nc: !!str [1]\n")
        #expect(result.diagnostics.map(\.code) == [.yamlBadTag, .yamlBadTag, .yamlBadTag])
        #expect(result.diagnostics.map(position) == ["1:10", "2:11", "3:4"])
    }

    @Test func tagsAreKeptInShortForm() {
        let root = load("a: !!str x\nb: !local y\nc: !!map {k: v}\n").1.documents.first
        #expect(root?["a"]?.tag == "!!str")
        #expect(root?["b"]?.tag == "!local")
        #expect(root?["c"]?.tag == "!!map")
        #expect(root?["a"]?.tag != nil && root?.tag == nil)
    }
}
