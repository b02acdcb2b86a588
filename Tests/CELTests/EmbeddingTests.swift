import CEL
import Testing

private final class User: CELObject {
    let name: String
    let age: Int64?
    init(name: String, age: Int64?) {
        self.name = name
        self.age = age
    }
    var celTypeName: String { "User" }
    func celField(_ index: Int) -> CELValue {
        switch index {
        case 0: .string(name)
        case 1: age.map { .int($0) } ?? .null
        default: .null
        }
    }
    func celHasField(_ index: Int) -> Bool { index == 0 || (index == 1 && age != nil) }
}

@Suite("CEL embedding API")
struct EmbeddingTests {
    var env: CELEnvironment {
        var env = CELEnvironment()
        env.declareObjectType("User", fields: [("name", .string), ("age", .int)])
        env.declareVariable("user", .object("User"))
        env.declareConstant("admins", value: .list([.string("ada"), .string("linus")]))
        env.declareFunction("greet", overloads: [
            CELOverload("user_greet", member: true, [.object("User"), .string], .string, .binary { u, g in
                guard case .object(let o) = u, case .string(let greeting) = g, case .string(let n) = o.celField(0) else {
                    return .error(CELError("bad arguments"))
                }
                return .string("\(greeting), \(n)")
            }),
        ])
        return env
    }

    @Test("object fields resolve to indices and variables bind by slot")
    func objects() throws {
        let env = self.env
        let program = try env.compile("user.name in admins && has(user.age) && user.age >= 18").get()
        let slot = try #require(env.slot(of: "user"))
        var activation = CELActivation(slotCount: env.slotCount)
        activation[slot] = .object(User(name: "ada", age: 36))
        #expect(program.evaluate(activation).boolValue == true)
        activation[slot] = .object(User(name: "ada", age: nil))
        #expect(program.evaluate(activation).boolValue == false)
        activation[slot] = .object(User(name: "bob", age: 40))
        #expect(program.evaluate(activation).boolValue == false)
    }

    @Test("object types are nullable")
    func nullable() throws {
        let env = self.env
        let program = try env.compile("user == null").get()
        #expect(program.evaluate(CELActivation(values: [.null])).boolValue == true)
        #expect(program.evaluate(CELActivation(values: [.object(User(name: "x", age: 1))])).boolValue == false)
        #expect(try env.compile("user.name").get().evaluate(CELActivation(values: [.null])).isError)
    }

    @Test("receiver-style host functions")
    func hostFunctions() throws {
        let program = try env.compile("user.greet('hello')").get()
        #expect(program.evaluate(CELActivation(values: [.object(User(name: "ada", age: 1))])).stringValue == "hello, ada")
        #expect(program.resultType == .string)
    }

    @Test("aliases are checked once and inlined")
    func aliases() throws {
        var env = self.env
        let adult = try env.checkText("has(user.age) && user.age >= 18").get()
        env.declareAlias("is_adult", adult)
        let program = try env.compile("is_adult && user.name != ''").get()
        #expect(program.evaluate(CELActivation(values: [.object(User(name: "ada", age: 30))])).boolValue == true)
        #expect(program.evaluate(CELActivation(values: [.object(User(name: "kid", age: 9))])).boolValue == false)
        #expect(try env.checkText("is_adult").get().resultType == .bool)
    }

    @Test("values print as JSON")
    func json() {
        let v = evaluate("{'a': [1, 2u, 1.5, b'hi', duration('1.5s'), timestamp('2024-01-01T00:00:00Z'), null, true]}")
        #expect(v.jsonText() == #"{"a":[1,2,1.5,"aGk=","1.5s","2024-01-01T00:00:00Z",null,true]}"#)
    }
}
