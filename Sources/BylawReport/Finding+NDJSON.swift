import BylawEval
import BylawSource

extension Finding {
    /// The finding as one NDJSON line: exactly `jsonValue.compact + "\n"`, written straight
    /// into bytes (no tree of values, no piecewise strings), since a usage stream can make
    /// millions of them.
    public var ndjsonLine: String {
        var out: [UInt8] = []
        out.reserveCapacity(200 + message.utf8.count + (hint?.utf8.count ?? 0) + inputPath.utf8.count)
        JSONBytes.write("{\"rule\":", to: &out)
        JSONBytes.writeString(rule.fullID, to: &out)
        JSONBytes.write(",\"policy\":", to: &out)
        JSONBytes.writeString(rule.policyID, to: &out)
        JSONBytes.write(",\"kind\":", to: &out)
        JSONBytes.writeString(kind.rawValue, to: &out)
        JSONBytes.write(",\"enforcement\":", to: &out)
        JSONBytes.writeString(enforcement.rawValue, to: &out)
        JSONBytes.write(",\"message\":", to: &out)
        JSONBytes.writeString(message, to: &out)
        JSONBytes.write(",\"hint\":", to: &out)
        if let hint { JSONBytes.writeString(hint, to: &out) } else { JSONBytes.write("null", to: &out) }
        JSONBytes.write(",\"location\":{\"file\":", to: &out)
        if let location {
            let start = location.start
            JSONBytes.writeString(location.file.path, to: &out)
            JSONBytes.write(",\"line\":", to: &out)
            JSONBytes.writeInt(start.line, to: &out)
            JSONBytes.write(",\"column\":", to: &out)
            JSONBytes.writeInt(start.column, to: &out)
            out.append(0x7D)
        } else if let event {
            JSONBytes.writeString(inputPath, to: &out)
            JSONBytes.write(",\"line\":", to: &out)
            JSONBytes.writeInt(event.line, to: &out)
            out.append(0x7D)
        } else {
            JSONBytes.writeString(inputPath, to: &out)
            out.append(0x7D)
        }
        if let event {
            JSONBytes.write(",\"event\":{\"line\":", to: &out)
            JSONBytes.writeInt(event.line, to: &out)
            JSONBytes.write(",\"id\":", to: &out)
            if let id = event.id { JSONBytes.writeString(id, to: &out) } else { JSONBytes.write("null", to: &out) }
            out.append(0x7D)
        }
        JSONBytes.write("}\n", to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
