import BylawModel
import BylawPolicy
import CEL

/// `event`: the CEL view of a ``UsageEvent``.
///
/// One instance is reused for every line of a stream (the scanner writes into ``event``), so
/// evaluating an event allocates no objects; nested parts (`event.artifact`, …) are fixed
/// sub-objects reading the same event. Absent fields read as zero values and absent parts as
/// empty objects, so `event.artifact.classification` is `""` when the event has no artifact;
/// `has()` tells presence. Single-threaded use only.
public final class EventNode: CELObject, @unchecked Sendable {
    /// The event being evaluated; the stream evaluator scans each line straight into it.
    // No dynamic exclusivity check on every field read: one evaluation reads it at a time, and
    // the stream writes it only between evaluations (this class is single-threaded anyway).
    @exclusivity(unchecked) public var event = UsageEvent()
    private lazy var tokens = EventPartNode(parent: self, part: .tokens)
    private lazy var cost = EventPartNode(parent: self, part: .cost)
    private lazy var artifact = EventPartNode(parent: self, part: .artifact)
    private lazy var destination = EventPartNode(parent: self, part: .destination)
    private lazy var target = EventPartNode(parent: self, part: .target)

    public init() {}

    public var celTypeName: String { DomainSchema.event.name }

    /// The model field behind a top-level scalar field (a switch: this runs for every field read).
    static func scalarField(_ field: EventField) -> UsageEventField? {
        switch field {
        case .id: return .id
        case .kind: return .kind
        case .user: return .user
        case .org: return .org
        case .scope: return .scope
        case .app: return .app
        case .provider: return .provider
        case .model: return .model
        case .subscription: return .subscription
        case .category: return .category
        default: return nil
        }
    }

    public func celField(_ index: Int) -> CELValue {
        guard let field = EventField(rawValue: index) else { return .error(CELError("no field \(index) on Event")) }
        switch field {
        case .time:
            guard let time = event.timestamp else { return .epoch }
            return (try? CELTimestamp(seconds: time.seconds, nanos: time.nanos)).map { .timestamp($0) } ?? .error(CELError("event time out of range"))
        case .tokens: return .object(tokens)
        case .cost: return .object(cost)
        case .artifact: return .object(artifact)
        case .destination: return .object(destination)
        case .target: return .object(target)
        default:
            guard let modelField = Self.scalarField(field) else { return .null }
            return .string(event.string(modelField))
        }
    }

    public func celHasField(_ index: Int) -> Bool {
        guard let field = EventField(rawValue: index) else { return false }
        switch field {
        case .time: return event.has(.time)
        case .tokens: return event.has(.tokens)
        case .cost: return event.has(.cost)
        case .artifact: return event.has(.artifact)
        case .destination: return event.has(.destination)
        case .target: return event.has(.target)
        default: return Self.scalarField(field).map(event.has) ?? false
        }
    }
}

/// A nested part of an event (`tokens`, `cost`, `artifact`, `destination`, `target`).
final class EventPartNode: CELObject, @unchecked Sendable {
    enum Part { case tokens, cost, artifact, destination, target }

    unowned let parent: EventNode
    let part: Part

    init(parent: EventNode, part: Part) {
        self.parent = parent
        self.part = part
    }

    var celTypeName: String {
        switch part {
        case .tokens: return DomainSchema.tokens.name
        case .cost: return DomainSchema.cost.name
        case .artifact: return DomainSchema.artifact.name
        case .destination: return DomainSchema.destination.name
        case .target: return DomainSchema.target.name
        }
    }

    /// The string field at a schema index of this part (nil for the numeric ones).
    private func stringField(_ index: Int) -> UsageEventField? {
        switch (part, index) {
        case (.cost, CostField.currency.rawValue): return .costCurrency
        case (.artifact, ArtifactField.type.rawValue): return .artifactType
        case (.artifact, ArtifactField.classification.rawValue): return .artifactClassification
        case (.destination, DestinationField.kind.rawValue): return .destinationKind
        case (.destination, DestinationField.app.rawValue): return .destinationApp
        case (.target, TargetField.scope.rawValue): return .targetScope
        case (.target, TargetField.org.rawValue): return .targetOrg
        case (.target, TargetField.user.rawValue): return .targetUser
        default: return nil
        }
    }

    private func numericField(_ index: Int) -> UsageEventField? {
        switch (part, index) {
        case (.tokens, TokensField.input.rawValue): return .tokensIn
        case (.tokens, TokensField.output.rawValue): return .tokensOut
        case (.cost, CostField.amount.rawValue): return .costAmount
        default: return nil
        }
    }

    func celField(_ index: Int) -> CELValue {
        // Read in place: copying the event would retain and release its storage.
        if let field = stringField(index) { return .string(parent.event.string(field)) }
        switch numericField(index) {
        case .tokensIn: return .int(parent.event.tokensIn)
        case .tokensOut: return .int(parent.event.tokensOut)
        case .costAmount: return .double(parent.event.costAmount)
        default: return .error(CELError("no field \(index) on \(celTypeName)"))
        }
    }

    func celHasField(_ index: Int) -> Bool {
        guard let field = stringField(index) ?? numericField(index) else { return false }
        return parent.event.has(field)
    }
}
