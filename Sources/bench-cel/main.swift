// bench-cel: ns per evaluation of typical policy expressions, and the time to compile them.
// Run in release mode: `swift run -c release bench-cel`.
import CEL
import Foundation

final class Event: CELObject {
    let user: String
    let tokens: Int64
    let model: String
    init(user: String, tokens: Int64, model: String) {
        self.user = user
        self.tokens = tokens
        self.model = model
    }
    var celTypeName: String { "Event" }
    func celField(_ index: Int) -> CELValue {
        switch index {
        case 0: .string(user)
        case 1: .int(tokens)
        default: .string(model)
        }
    }
    func celHasField(_ index: Int) -> Bool { true }
}

var env = CELEnvironment()
env.declareObjectType("Event", fields: [("user", .string), ("tokens", .int), ("model", .string)])
let eventSlot = env.declareVariable("event", .object("Event"))
let tagsSlot = env.declareVariable("tags", .list(.string))
env.declareConstant("allowed_models", value: .list((0..<20).map { .string("model-\($0)") }))

let cases: [(String, String)] = [
    ("membership in a constant list of 20 strings", "event.model in allowed_models"),
    ("field comparison on an object", "event.tokens > 10000"),
    ("two fields and a string test", "event.tokens > 100 && event.user.startsWith('svc-')"),
    ("exists over a list of 20 strings", "tags.exists(t, t == 'restricted')"),
    ("all over a list of 20 strings", "tags.all(t, size(t) < 12)"),
]

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

var activation = CELActivation(slotCount: env.slotCount)
activation[eventSlot] = .object(Event(user: "ada", tokens: 12_345, model: "model-17"))
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
        let rounds = 200_000
        var sink = 0
        let start = now()
        for _ in 0..<rounds {
            if case .bool(true) = program.evaluate(activation) { sink += 1 }
        }
        best = min(best, Double(now() - start) / Double(rounds))
        if sink == -1 { print(sink) }
    }
    guard program != nil else {
        print("\(label): does not compile")
        continue
    }
    let evalText = String(format: "%8.1f", best)
    let planText = String(format: "%9.0f", bestPlan)
    print("\(evalText) ns/eval  \(planText) ns/compile  \(label): \(text)")
}
