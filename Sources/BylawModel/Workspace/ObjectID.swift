/// A workspace id as a dictionary key, compared and hashed by its UTF-8 bytes.
///
/// Swift's `String` equality is Unicode canonical equivalence (`"caf\u{E9}"` equals
/// `"cafe\u{301}"`), but CEL's `==` compares code points and the YAML layer reports duplicate
/// keys by their text: two ids that differ in their bytes are two objects, and a reference
/// resolves only to the id written with exactly its bytes.
struct ObjectID: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: ObjectID, rhs: ObjectID) -> Bool {
        guard lhs.text.utf8.count == rhs.text.utf8.count else { return false }
        var a = lhs.text
        var b = rhs.text
        return a.withUTF8 { x in b.withUTF8 { y in x.elementsEqual(y) } }
    }

    func hash(into hasher: inout Hasher) {
        var text = self.text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
    }
}
