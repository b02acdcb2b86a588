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
        /// The message (the rule's title when it has none) and hint, ready for the stream.
        let message: StreamTemplate
        let hint: StreamTemplate?
        /// Whether both texts print without CEL: they are then rendered for each lent violation,
        /// with no cache lookup (which would cost as much). Other texts are looked up whole
        /// first; when that cache turns itself off (their fields rarely repeat together), the
        /// placeholders' own caches still spare CEL and allocations.
        let textsArePlain: Bool
        /// The fields the message and hint read (nil: unknown, their texts are not cached).
        let messageFields: [UsageEventField]?
        /// The rule's policy, for explanations (nil when the plan was given rules alone).
        let policy: CompiledPolicy?
        /// The event the activation holds, which plain placeholders read.
        private let node: EventNode?

        init(
            rule: CompiledRule, activation: CELActivation, node: EventNode?, cache: StreamDecisionCache, messageFields: [UsageEventField]?,
            plainPlaceholders: Bool, policy: CompiledPolicy?, rules: Int
        ) {
            self.rule = rule
            self.activation = activation
            self.node = node
            self.cache = cache
            self.messageFields = messageFields
            self.policy = policy
            descriptor = rule.descriptor
            fullID = rule.fullID
            let plain = plainPlaceholders && node != nil
            // Placeholders are cached when texts are (`messageFields` is nil otherwise).
            let cachesParts = messageFields != nil && node != nil
            let analysis = rule.analysis
            message = rule.message.map {
                StreamTemplate(
                    $0, plainReads: plain ? analysis?.messagePlainReads : nil, partReads: cachesParts ? analysis?.messagePartReads : nil, rules: rules)
            } ?? StreamTemplate(literal: rule.descriptor.title)
            hint = rule.hint.map {
                StreamTemplate($0, plainReads: plain ? analysis?.hintPlainReads : nil, partReads: cachesParts ? analysis?.hintPartReads : nil, rules: rules)
            }
            textsArePlain = plain && message.isPlain && (hint?.isPlain ?? true)
        }

        /// Why the rule decided as it did on the current event (the one its activation holds),
        /// evaluated afresh. Kept out of line: the stream's loop stays as small as without it.
        @inline(never)
        func explain() -> RuleExplanation {
            RuleExplainer.explain(rule, activation, outcome: RuleRunner.run(rule, activation), location: nil, policy: policy)
        }

        /// The message and hint of a finding of this rule on the current event (the one its
        /// activation holds), as ``CompiledTemplate/render(_:)`` renders them: written into
        /// `messageBuffer` and `hintBuffer`, or taken from `texts` when an earlier event agreeing
        /// on the fields they read rendered them. `asBytes` says the caller wants bytes, not
        /// strings (a lent violation): plain texts are then rendered without the cache.
        func texts(
            _ texts: inout StreamMessageCache, usage: UsageEvent, interner: inout StreamFieldInterner, messageBuffer: inout [UInt8],
            hintBuffer: inout [UInt8], asBytes: Bool
        ) -> (message: StreamText, hint: StreamText?) {
            // A finding needs strings: a cached one costs no allocation, a rendered one does. A
            // lent violation needs bytes: those are kept in the cache's arena, with none.
            let usesCache = !(asBytes && textsArePlain)
            if usesCache {
                switch texts.lookup(usage, &interner) {
                case .strings(let cached)?:
                    return (.string(cached.message), cached.hint.map { .string($0) })
                case .bytes(let message, let hint)?:
                    guard asBytes else { return (.string(texts.string(message)), hint.map { .string(texts.string($0)) }) }
                    return (Self.copy(message, of: texts, into: &messageBuffer), hint.map { Self.copy($0, of: texts, into: &hintBuffer) })
                case nil: break
                }
            }
            let message = render(self.message, usage: usage, interner: &interner, into: &messageBuffer)
            let hint = self.hint.map { render($0, usage: usage, interner: &interner, into: &hintBuffer) }
            guard usesCache, texts.isEnabled else { return (message, hint) }
            if asBytes {
                message.withUTF8 { messageBytes in
                    guard let hint else { return texts.store(message: messageBytes, hint: nil) }
                    hint.withUTF8 { texts.store(message: messageBytes, hint: $0) }
                }
                return (message, hint)
            }
            let rendering = StreamMessageCache.Rendering(message: message.string, hint: hint?.string)
            texts.store(rendering)
            return (.string(rendering.message), rendering.hint.map { .string($0) })
        }

        /// A kept text's bytes, copied into `buffer` (which keeps its storage from line to line).
        private static func copy(_ range: Range<Int>, of texts: StreamMessageCache, into buffer: inout [UInt8]) -> StreamText {
            buffer.removeAll(keepingCapacity: true)
            texts.append(range, to: &buffer)
            return .bytes(buffer)
        }

        private func render(_ template: StreamTemplate, usage: UsageEvent, interner: inout StreamFieldInterner, into buffer: inout [UInt8]) -> StreamText {
            if let constant = template.constant { return .string(constant) }
            buffer.removeAll(keepingCapacity: true)
            template.render(node, usage, activation, interner: &interner, into: &buffer)
            return .bytes(buffer)
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
        var plainPlaceholders = true
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
                rule: rule, activation: inputs.activation(for: rule), node: inputs.event, cache: cache,
                messageFields: options.cacheDecisions ? templateFields : nil, plainPlaceholders: options.plainPlaceholders,
                policy: policyByID[rule.descriptor.policyID], rules: rules.count))
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
