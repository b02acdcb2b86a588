// fuzz-cel: any bytes as a CEL expression → parse, check and plan against an environment with
// a variable of each kind, then evaluate with fixed values and print the result (its JSON and
// debug text). Inputs over 4 KiB are ignored: CEL expressions in policies are short, and the
// evaluator's own budget bounds the work of anything shorter.
import CEL
import FuzzSupport

/// The environment and the values its variables hold, built once.
let fuzzEnvironment: (environment: CELEnvironment, activation: CELActivation) = {
    var environment = CELEnvironment()
    environment.declareObjectType("Item", fields: [("name", .string), ("size", .int), ("tags", .list(.string))])
    let declared: [(String, CELType, CELValue)] = [
        ("s", .string, .string("ada@example.com")),
        ("i", .int, .int(42)),
        ("u", .uint, .uint(7)),
        ("d", .double, .double(2.5)),
        ("b", .bool, .bool(true)),
        ("by", .bytes, .bytes([0x00, 0xFF, 0x41])),
        ("l", .list(.int), .list([.int(1), .int(2), .int(3)])),
        ("ls", .list(.string), .list([.string("a"), .string("b")])),
        ("m", .map(.string, .int), .map(CELMap(["one": .int(1), "two": .int(2)]))),
        ("dy", .dyn, .map(CELMap(["k": .list([.null, .bool(false)])]))),
        ("n", .null, .null),
        ("item", .object("Item"), .object(FuzzItem())),
    ]
    var values: [(Int, CELValue)] = []
    for (name, type, value) in declared {
        values.append((environment.declareVariable(name, type), value))
    }
    environment.declareConstant("allowed", value: .list([.string("x"), .string("y")]))
    var activation = CELActivation(slotCount: environment.slotCount)
    for (slot, value) in values { activation[slot] = value }
    return (environment, activation)
}()

final class FuzzItem: CELObject {
    var celTypeName: String { "Item" }
    func celField(_ index: Int) -> CELValue {
        switch index {
        case 0: .string("report.pdf")
        case 1: .int(1_024)
        default: .list([.string("client"), .string("draft")])
        }
    }
    func celHasField(_ index: Int) -> Bool { index != 1 }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCEL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let bytes = FuzzInput.bytes(data, size, limit: 4 << 10) else { return -1 }
    let text = String(decoding: bytes, as: UTF8.self)
    let (environment, activation) = fuzzEnvironment
    switch environment.compile(text) {
    case .success(let program):
        let value = program.evaluate(activation)
        _ = value.jsonText()
        _ = value.debugText
    case .failure(let issues):
        _ = "\(issues)"
    }
    return 0
}

@main
enum FuzzCELMain {
    static func main() { FuzzMain.run(fuzzCEL) }
}
