import BylawEval
import BylawSource

extension Finding {
    /// The finding as one NDJSON line: exactly `jsonValue.compact + "\n"`, written straight
    /// into one string (no tree of values), since a usage stream can make millions of them.
    public var ndjsonLine: String {
        var out = ""
        out.reserveCapacity(192 + message.utf8.count + (hint?.utf8.count ?? 0) + inputPath.utf8.count)
        out += "{\"rule\":"
        JSONValue.writeString(rule.fullID, to: &out)
        out += ",\"policy\":"
        JSONValue.writeString(rule.policyID, to: &out)
        out += ",\"kind\":"
        JSONValue.writeString(kind.rawValue, to: &out)
        out += ",\"enforcement\":"
        JSONValue.writeString(enforcement.rawValue, to: &out)
        out += ",\"message\":"
        JSONValue.writeString(message, to: &out)
        out += ",\"hint\":"
        if let hint { JSONValue.writeString(hint, to: &out) } else { out += "null" }
        out += ",\"location\":{\"file\":"
        if let location {
            let start = location.start
            JSONValue.writeString(location.file.path, to: &out)
            out += ",\"line\":" + String(start.line) + ",\"column\":" + String(start.column) + "}"
        } else if let event {
            JSONValue.writeString(inputPath, to: &out)
            out += ",\"line\":" + String(event.line) + "}"
        } else {
            JSONValue.writeString(inputPath, to: &out)
            out += "}"
        }
        if let event {
            out += ",\"event\":{\"line\":" + String(event.line) + ",\"id\":"
            if let id = event.id { JSONValue.writeString(id, to: &out) } else { out += "null" }
            out += "}"
        }
        out += "}\n"
        return out
    }
}
