import BylawPolicy
import BylawSource
import HTTPTypes
import HummingbirdCore
import NIOCore

extension ServeHandlers {
    /// `GET /v1/status`: the serving revision; with an admin token (or without a token file)
    /// also the policies and rules, the workspace, the reloads with the last failure's
    /// diagnostics, and the decision log's health.
    func status(_ request: Request) throws -> Response {
        let snapshot = store.current
        let role = try admit(request, to: .status, snapshot: snapshot)
        var fields: [(String, JSONValue)] = [
            ("ready", .bool(store.isReady)), ("revision", .string(snapshot.revision)),
            ("loaded_at", .string(snapshot.loadedAt.rfc3339)),
        ]
        let reloads = store.reloads
        fields.append(("reload_failing", .bool(reloads.lastFailure != nil)))
        guard role == .admin else { return JSONResponse.make(.object(fields)) }
        fields.append(("today", .string(snapshot.today.description)))
        fields.append(("policies", .object([
            ("paths", .array(configuration.policyPaths.map(JSONValue.string))),
            ("files", .array(snapshot.policyFiles.map(JSONValue.string))),
            ("policies", .array(snapshot.policies.policies.map { policy in
                .object([("id", .string(policy.id)), ("rules", .int(Int64(policy.rules.count)))])
            })),
            ("rules", .object(snapshot.ruleCounts.map { ($0.0.rawValue, .int(Int64($0.1))) })),
        ])))
        fields.append(("workspace", .object([("path", .string(snapshot.workspacePath)), ("id", .string(snapshot.workspace.id))])))
        var reloadFields: [(String, JSONValue)] = [
            ("succeeded", .int(Int64(reloads.succeeded))), ("failed", .int(Int64(reloads.failed))),
            ("last_attempt", reloads.lastAttempt.map { .string($0.rfc3339) } ?? .null),
            ("watching", .bool(configuration.watchInterval != nil)),
        ]
        if let failure = reloads.lastFailure {
            reloadFields.append(("last_error", .object([
                ("at", .string(failure.at.rfc3339)), ("trigger", .string(failure.trigger)), ("message", .string(failure.message)),
                ("diagnostics", .array(failure.diagnostics.map(\.jsonValue))),
            ])))
        } else {
            reloadFields.append(("last_error", .null))
        }
        fields.append(("reloads", .object(reloadFields)))
        if let log {
            let health = log.health
            fields.append(("decision_log", .object([
                ("path", .string(log.settings.path)), ("written", .int(Int64(health.written))), ("dropped", .int(Int64(health.dropped))),
                ("write_errors", .int(Int64(health.writeErrors))), ("last_error", health.lastError.map(JSONValue.string) ?? .null),
            ])))
        } else {
            fields.append(("decision_log", .null))
        }
        fields.append(("fail_mode", .string(configuration.failMode.rawValue)))
        return JSONResponse.make(.object(fields))
    }

    /// `GET /health/ready`: 200 while a valid revision serves and the server is not shutting
    /// down, else 503.
    func ready() -> Response {
        let ready = store.isReady
        return JSONResponse.make(
            .object([("status", .string(ready ? "ready" : "draining")), ("revision", .string(store.current.revision))]),
            status: ready ? .ok : .serviceUnavailable)
    }

    /// `GET /metrics`: the Prometheus text exposition.
    func metricsText(_ request: Request) throws -> Response {
        try admit(request, to: .metrics, snapshot: store.current)
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
    }

    /// `POST /v1/reload`: reloads now and answers when done: 200 with the revision serving
    /// (`reloaded` or `unchanged`), or 422 with the diagnostics when the files do not give a
    /// revision (the previous one keeps serving).
    func reload(_ request: Request) async throws -> Response {
        let start = ContinuousClock.now
        let before = store.current
        try admit(request, to: .reload, snapshot: before)
        defer { metrics.record(.reload, since: start) }
        switch await reloader.reload(trigger: "request") {
        case .reloaded(let snapshot):
            return JSONResponse.make(.object([
                ("result", .string("reloaded")), ("revision", .string(snapshot.revision)), ("previous", .string(before.revision)),
            ]))
        case .unchanged(let snapshot):
            return JSONResponse.make(.object([("result", .string("unchanged")), ("revision", .string(snapshot.revision))]))
        case .failed(let failure):
            throw APIError(
                .unprocessableContent, .serveReloadFailed, "reload failed: \(failure.message)",
                hint: "still serving revision \(store.current.revision)", diagnostics: failure.diagnostics)
        }
    }
}
