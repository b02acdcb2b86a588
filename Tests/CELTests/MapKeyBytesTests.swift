import CEL
import Testing

/// Map keys and `in` on constant lists compare strings by code point, as `==` does: no
/// Unicode normalisation (`"\u00e9"` and `"e\u0301"` are different keys).
@Suite struct MapKeyBytesTests {
    @Test(arguments: [
        ("'e\\u0301' in {'\\u00e9': 1}", false),
        ("'\\u00e9' in {'\\u00e9': 1}", true),
        ("{'\\u00e9': 1, 'e\\u0301': 2}.size() == 2", true),
        ("{'e\\u0301': 1} == {'\\u00e9': 1}", false),
        ("dyn('e\\u0301') in ['\\u00e9', 1]", false),
        ("dyn('\\u00e9') in ['\\u00e9', 1]", true),
        ("'e\\u0301' in ['\\u00e9']", false),
        ("{'\\u00e9': 1, 'e\\u0301': 2}['e\\u0301'] == 2", true),
    ])
    func stringKeysCompareByCodePoint(expression: String, expected: Bool) {
        #expect(evaluate(expression).boolValue == expected, "\(expression) gave \(evaluate(expression))")
    }

    @Test func lookupOfAnEquivalentButDifferentKeyIsNoSuchKey() {
        #expect(evaluate("{'\\u00e9': 1}['e\\u0301']").errorMessage?.hasPrefix("no such key") == true)
    }
}
