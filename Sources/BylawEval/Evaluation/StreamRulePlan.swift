import BylawModel
import BylawPolicy
import CEL

/// How the stream evaluator runs the usage rules, prepared once per run from the rules'
/// analysis (``CompiledRule/analysis``, worked out by the compiler): the fields the scanner must materialise, the rules each
/// `event.kind` can trigger, and one decision cache per rule.
final class StreamRulePlan {
    /// One usage rule, ready for the stream.
    final class Entry {
        let rule: CompiledRule
        let activation: CELActivation
        var cache: StreamDecisionCache
        // The parts a finding needs, apart: reading them off `rule` would copy the whole rule.
        let descriptor: RuleDescriptor
        let fullID: String
        let message: CompiledTemplate?
        let hint: CompiledTemplate?
        /// The fields the message and hint read (nil: unknown, their texts are not cached).
        let messageFields: [UsageEventField]?
        /// The rule's policy, for explanations (nil when the plan was given rules alone).
        let policy: CompiledPolicy?

        init(rule: CompiledRule, activation: CELActivation, cache: StreamDecisionCache, messageFields: [UsageEventField]?, policy: CompiledPolicy?) {
            self.rule = rule
            self.activation = activation
            self.cache = cache
            self.messageFields = messageFields
            self.policy = policy
            descriptor = rule.descriptor
            fullID = rule.fullID
            message = rule.message
            hint = rule.hint
        }

        /// Why the rule decided as it did on the current event (the one its activation holds),
        /// evaluated afresh. Kept out of line: the stream's loop stays as small as without it.
        @inline(never)
        func explain() -> RuleExplanation {
            RuleExplainer.explain(rule, activation, outcome: RuleRunner.run(rule, activation), location: nil, policy: policy)
        }

        /// The finding for a decision that makes one (nil for `notApplicable`, `passed`,
        /// `excepted`): as ``Finding/init(_:_:inputPath:location:event:tally:)`` makes it, with
        /// its explanation when `explaining`. The texts come from `texts` when an earlier event
        /// agreeing on the fields they read rendered them.
        func finding(
            _ decision: StreamDecision, inputPath: String, event: EventReference?,
            texts: inout StreamMessageCache, usage: UsageEvent, interner: inout StreamFieldInterner, explaining: Bool = false
        ) -> Finding? {
            switch decision {
            case .notApplicable, .passed, .excepted:
                return nil
            case .fired:
                let rendering: StreamMessageCache.Rendering
                if let cached = texts.lookup(usage, &interner) {
                    rendering = cached
                } else {
                    rendering = StreamMessageCache.Rendering(message: message?.render(activation) ?? descriptor.title, hint: hint?.render(activation))
                    texts.store(rendering)
                }
                return Finding(
                    rule: descriptor, message: rendering.message, hint: rendering.hint, inputPath: inputPath, location: nil, event: event,
                    explanation: explaining ? explain() : nil)
            case .failed(let failed):
                return Finding(rule: descriptor, failure: failed.failure, inputPath: inputPath, location: nil, event: event, explanation: explaining ? explain() : nil)
            }
        }
    }

    let entries: [Entry]
    /// The fields the scanner materialises: every field some rule reads, and `id`.
    let fields: UsageEventFields
    /// The `event.kind` values some rule requires, as UTF-8.
    let kinds: [[UInt8]]
    /// Per value of ``kinds`` (same index), then for any other kind: the rules to run, in
    /// rule order.
    let rulesByKind: [[Int]]

    /// Options, for tests that compare the plan's shortcuts against plain evaluation.
    struct Options {
        var indexByKind = true
        var cacheDecisions = true
        var narrowFields = true
    }

    init(rules: [CompiledRule], inputs: RuleInputs, options: Options = Options(), policies: [CompiledPolicy] = []) {
        let policyByID = Dictionary(policies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var fields = UsageEventFields(.id)
        var entries: [Entry] = []
        var required: [Set<String>?] = []
        for rule in rules {
            let analysis = rule.analysis
            let decisionFields = analysis.flatMap { Self.fields(of: $0.decisionReads) }
            let templateFields = analysis.flatMap { Self.fields(of: $0.templateReads) }
            if let decisionFields, let templateFields {
                fields.formUnion(UsageEventFields(decisionFields))
                fields.formUnion(UsageEventFields(templateFields))
            } else {
                fields = .all
            }
            let cache = StreamDecisionCache(fields: options.cacheDecisions ? decisionFields : nil, rules: rules.count)
            entries.append(Entry(
                rule: rule, activation: inputs.activation(for: rule), cache: cache,
                messageFields: options.cacheDecisions ? templateFields : nil, policy: policyByID[rule.descriptor.policyID]))
            required.append(options.indexByKind ? analysis?.requiredKinds : nil)
        }
        let kindValues = Array(Set(required.compactMap { $0 }.flatMap { $0 })).sorted()
        var byKind: [[Int]] = []
        let keys: [String?] = kindValues.map { $0 } + [nil]
        for kind in keys {
            byKind.append(required.indices.filter { index in
                guard let kinds = required[index] else { return true }
                return kind.map(kinds.contains) ?? false
            })
        }
        self.entries = entries
        self.fields = options.narrowFields ? fields : .all
        self.kinds = kindValues.map { Array($0.utf8) }
        self.rulesByKind = byKind
    }

    /// The rules to run on `event`, by its kind.
    @inline(__always)
    func rules(for event: UsageEvent) -> [Int] {
        for (index, kind) in kinds.enumerated() where event.field(.kind, equals: kind) { return rulesByKind[index] }
        return rulesByKind[kinds.count]
    }

    /// The fields behind analysed reads, in field order; nil when the reads are opaque (the
    /// caller then reads everything).
    static func fields(of reads: EventFieldReads) -> [UsageEventField]? {
        reads.isOpaque ? nil : reads.fields.fields
    }
}
