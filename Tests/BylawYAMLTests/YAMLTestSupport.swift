import BylawSource
import Foundation
@testable import BylawYAML

/// Loads `text` as a file named `test.yaml`.
func load(_ text: String, limits: YAMLLimits = .default) -> (SourceFile, YAMLLoadResult) {
    let file = SourceFile(path: "test.yaml", text: text)
    return (file, YAMLLoader.load(file, limits: limits))
}

/// Loads raw bytes as a file named `test.yaml`.
func load(bytes: [UInt8], limits: YAMLLimits = .default) -> (SourceFile, YAMLLoadResult) {
    let file = SourceFile(path: "test.yaml", bytes: bytes)
    return (file, YAMLLoader.load(file, limits: limits))
}

/// "line:column" of a diagnostic's start, or "-" without a span.
func position(_ diagnostic: Diagnostic?) -> String {
    guard let location = diagnostic?.location else { return "-" }
    return "\(location.line):\(location.column)"
}

/// "line:column" of a byte offset.
func position(_ offset: Int, in file: SourceFile) -> String {
    let location = file.location(ofByte: offset)
    return "\(location.line):\(location.column)"
}

/// Every scalar node of a tree, in source order (iteratively, as trees can be deep).
func allScalars(_ root: YAMLNode) -> [YAMLNode] {
    var found: [YAMLNode] = []
    var pending = [root]
    while let node = pending.popLast() {
        switch node.kind {
        case .scalar: found.append(node)
        case .sequence(let items): pending.append(contentsOf: items.reversed())
        case .mapping(let pairs):
            for pair in pairs.reversed() { pending.append(pair.value); pending.append(pair.key) }
        }
    }
    return found
}

/// The text a scalar's source rebuilds to, by the offset mapper's re-reading.
func rebuiltText(_ scalar: YAMLScalar, in file: SourceFile) -> String {
    let map = YAMLScalarTextMap(
        file: file, start: scalar.contentStart, length: scalar.text.utf8.count,
        style: scalar.style, blockIndentation: scalar.blockIndentation)
    return String(decoding: map.output, as: UTF8.self)
}

/// The fixture folder copied into the test bundle.
let fixturesURL: URL? = Bundle.module.url(forResource: "Fixtures", withExtension: nil)
