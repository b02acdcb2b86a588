import BylawSource
import Synchronization

/// The JSON of decisions, written straight into bytes: a decision is the whole response of
/// `/v1/decide` and one line of `/v1/decide/batch`, so it is written for every event.
enum DecisionJSON {
    /// `{"decision_id":…,"decision":"deny"|"allow","findings":[…],"revision":…}`, with
    /// `"line":N` first for a line of a batch. `findings` is the array's elements, already JSON.
    static func write(line: Int?, id: DecisionID, denies: Bool, findings: [UInt8], revision: String, to out: inout [UInt8]) {
        if let line {
            JSONBytes.write("{\"line\":", to: &out)
            JSONBytes.writeInt(line, to: &out)
            JSONBytes.write(",\"decision_id\":\"", to: &out)
        } else {
            JSONBytes.write("{\"decision_id\":\"", to: &out)
        }
        id.write(to: &out)
        JSONBytes.write(denies ? "\",\"decision\":\"deny\",\"findings\":[" : "\",\"decision\":\"allow\",\"findings\":[", to: &out)
        out.append(contentsOf: findings)
        JSONBytes.write("],\"revision\":\"", to: &out)
        // A revision is sixteen hex digits: nothing to escape.
        out.append(contentsOf: revision.utf8)
        JSONBytes.write("\"}", to: &out)
    }
}

/// A decision's id: the server run's random prefix and the decision's number in the run, as
/// `7f3a9c01b2e45d10-000000000000002a`. Unique within a run by construction and across runs
/// with the prefix's 64 random bits; cheaper than a random UUID per decision.
struct DecisionID: Sendable, Hashable, CustomStringConvertible {
    /// The prefix, already written as sixteen hex digits and a dash.
    let prefix: [UInt8]
    let number: UInt64

    func write(to out: inout [UInt8]) {
        out.append(contentsOf: prefix)
        Self.writeHex(number, to: &out)
    }

    var description: String {
        var out: [UInt8] = []
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func writeHex(_ value: UInt64, to out: inout [UInt8]) {
        for shift in stride(from: 60, through: 0, by: -4) {
            let digit = UInt8(truncatingIfNeeded: (value >> UInt64(shift)) & 0xF)
            out.append(digit < 10 ? 0x30 + digit : 0x57 + digit)
        }
    }
}

/// Hands out decision ids.
final class DecisionIDs: Sendable {
    private let prefix: [UInt8] = {
        var prefix: [UInt8] = []
        DecisionID.writeHex(UInt64.random(in: 0...UInt64.max), to: &prefix)
        return prefix + [UInt8(ascii: "-")]
    }()
    private let counter = Atomic<UInt64>(0)

    func next() -> DecisionID {
        DecisionID(prefix: prefix, number: counter.add(1, ordering: .relaxed).newValue)
    }
}
