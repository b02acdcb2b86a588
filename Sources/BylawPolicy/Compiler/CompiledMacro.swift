import BylawSource

/// A macro as the compiler parsed it: its declaration, and its condition's tree, whose ranges
/// the checked trees of every rule using the macro share (a rule's checked tree names the macro
/// through ``CEL/CELCheckedExpr/alias(of:)``).
public struct CompiledMacro: Sendable {
    public let declaration: MacroDecl
    let tree: ConditionTree

    public var name: String { declaration.name }
}
