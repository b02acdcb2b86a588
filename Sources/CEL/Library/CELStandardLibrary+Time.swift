extension CELStandardLibrary {
    static func installTime(into env: inout CELEnvironment) {
        let timestampAccessors: [(String, CELTimeComponent)] = [
            ("getFullYear", .fullYear), ("getMonth", .month), ("getDayOfYear", .dayOfYear), ("getDayOfMonth", .dayOfMonth),
            ("getDate", .date), ("getDayOfWeek", .dayOfWeek), ("getHours", .hours), ("getMinutes", .minutes),
            ("getSeconds", .seconds), ("getMilliseconds", .milliseconds),
        ]
        let durationComponents: Set<String> = ["getHours", "getMinutes", "getSeconds", "getMilliseconds"]
        for (name, component) in timestampAccessors {
            var overloads = [
                o("timestamp_\(name)", [.timestamp], .int, member: true),
                o("timestamp_\(name)_with_tz", [.timestamp, .string], .int, member: true),
            ]
            if durationComponents.contains(name) { overloads.append(o("duration_\(name)", [.duration], .int, member: true)) }
            env.declareFunction(name, overloads: overloads, dynamic: .variadic { args in accessor(component, args) })
        }
    }

    static func accessor(_ component: CELTimeComponent, _ args: [CELValue]) -> CELValue {
        switch (args.first, args.count) {
        case (.timestamp(let t)?, 1):
            do { return .int(try t.component(component, timeZone: nil)) } catch { return .fail(error.message) }
        case (.timestamp(let t)?, 2):
            guard case .string(let zone) = args[1] else { return .noSuchOverload }
            do { return .int(try t.component(component, timeZone: zone)) } catch { return .fail(error.message) }
        case (.duration(let d)?, 1):
            do { return .int(try d.component(component)) } catch { return .fail(error.message) }
        default:
            return .noSuchOverload
        }
    }
}
