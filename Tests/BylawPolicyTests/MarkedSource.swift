import BylawSource

/// A policy source with position markers: `1️⃣`, `2️⃣`, … are removed from the text and their
/// byte offsets recorded, so a test can say "expect this code at 1️⃣" next to the input.
struct MarkedSource {
    let text: String
    let markers: [String: Int]
    let file: SourceFile

    init(_ marked: String, path: String = "Policies/test.yaml") {
        var text = ""
        var markers: [String: Int] = [:]
        var index = marked.startIndex
        while index < marked.endIndex {
            let character = marked[index]
            if let digit = character.unicodeScalars.first, character.unicodeScalars.count >= 2,
               ("0"..."9").contains(digit), character.unicodeScalars.contains("\u{20E3}") {
                markers[String(character)] = text.utf8.count
            } else {
                text.append(character)
            }
            index = marked.index(after: index)
        }
        self.text = text
        self.markers = markers
        self.file = SourceFile(path: path, text: text)
    }

    /// Line and column of a marker.
    func location(_ marker: String) -> BylawSource.SourceLocation? {
        markers[marker].map { file.location(ofByte: $0) }
    }
}
