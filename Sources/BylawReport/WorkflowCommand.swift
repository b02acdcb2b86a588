/// One GitHub Actions workflow command (`::error file=…,line=…::message`) with GitHub's
/// escaping: in the message `%`, CR and LF become `%25`, `%0D`, `%0A`; property values also
/// escape `:` and `,` as `%3A` and `%2C`, since those delimit the command.
struct WorkflowCommand {
    let name: String
    var properties: [(String, String)] = []
    let message: String

    var line: String {
        var out = "::" + name
        if !properties.isEmpty {
            out += " " + properties.map { $0.0 + "=" + WorkflowCommand.escapeProperty($0.1) }.joined(separator: ",")
        }
        return out + "::" + WorkflowCommand.escapeData(message)
    }

    static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
