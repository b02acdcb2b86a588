// bench-cel: ns per evaluation of typical policy expressions, and the time to compile them.
// Run in release mode: `swift run -c release bench-cel [substring-of-case [rounds]]`; with a
// substring only the matching cases run (handy under callgrind with a small round count).
import CEL
import Foundation

final class Artifact: CELObject {
    let classification: String
    init(classification: String) { self.classification = classification }
    var celTypeName: String { "Artifact" }
    func celField(_ index: Int) -> CELValue { .string(classification) }
    func celHasField(_ index: Int) -> Bool { true }
}

final class Event: CELObject {
    let user: String
    let tokens: Int64
    let model: String
    let artifact: Artifact
    init(user: String, tokens: Int64, model: String, artifact: Artifact) {
        self.user = user
        self.tokens = tokens
        self.model = model
        self.artifact = artifact
    }
    var celTypeName: String { "Event" }
    func celField(_ index: Int) -> CELValue {
        switch index {
        case 0: .string(user)
        case 1: .int(tokens)
        case 2: .string(model)
        default: .object(artifact)
        }
    }
    func celHasField(_ index: Int) -> Bool { true }
}

var env = CELEnvironment()
env.declareObjectType("Artifact", fields: [("classification", .string)])
env.declareObjectType("Event", fields: [("user", .string), ("tokens", .int), ("model", .string), ("artifact", .object("Artifact"))])
let eventSlot = env.declareVariable("event", .object("Event"))
let tagsSlot = env.declareVariable("tags", .list(.string))
env.declareConstant("allowed_models", value: .list((0..<20).map { .string("model-\($0)") }))

let allCases: [(String, String)] = [
    ("membership in a constant list of 20 strings", "event.model in allowed_models"),
    ("field comparison on an object", "event.tokens > 10000"),
    ("string equality with a constant", "event.user == 'ada'"),
    ("nested object field", "event.artifact.classification == 'secret'"),
    ("two fields and a string test", "event.tokens > 100 && event.user.startsWith('svc-')"),
    ("exists over a list of 20 strings", "tags.exists(t, t == 'restricted')"),
    ("all over a list of 20 strings", "tags.all(t, size(t) < 12)"),
    ("join a list of 20 strings", "tags.join(', ')"),
]

let arguments = CommandLine.arguments.dropFirst()
let filter = arguments.first
let rounds = arguments.dropFirst().first.flatMap { Int($0) } ?? 200_000
let cases = allCases.filter { filter == nil || $0.0.contains(filter ?? "") || $0.1.contains(filter ?? "") }

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

var activation = CELActivation(slotCount: env.slotCount)
activation[eventSlot] = .object(Event(user: "ada", tokens: 12_345, model: "model-17", artifact: Artifact(classification: "secret")))
activation[tagsSlot] = .list((0..<20).map { .string("tag-\($0)") })

print("bench-cel (ns per operation, best of 5 runs)")
for (label, text) in cases {
    var best = Double.infinity
    var bestPlan = Double.infinity
    var program: CELProgram?
    for _ in 0..<5 {
        let planStart = now()
        let planRounds = 200
        for _ in 0..<planRounds {
            if case .success(let p) = env.compile(text) { program = p }
        }
        bestPlan = min(bestPlan, Double(now() - planStart) / Double(planRounds))
        guard let program else { break }
        var sink = 0
        let start = now()
        for _ in 0..<rounds {
            switch program.evaluate(activation) {
            case .bool(true): sink += 1
            case .string(let s): sink += s.utf8.count
            default: break
            }
        }
        best = min(best, Double(now() - start) / Double(rounds))
        if sink == -1 { print(sink) }
    }
    guard program != nil else {
        print("      -- ns/eval  does not compile  \(label): \(text)")
        continue
    }
    let evalText = String(format: "%8.1f", best)
    let planText = String(format: "%9.0f", bestPlan)
    print("\(evalText) ns/eval  \(planText) ns/compile  \(label): \(text)")
}
