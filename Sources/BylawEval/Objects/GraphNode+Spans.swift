import BylawModel
import BylawSource

/// An adapter whose model object was written somewhere: where a finding about it points when
/// no field decided.
protocol LocatedNode: AnyObject {
    var objectSpan: SourceSpan { get }
}

extension WorkspaceNode: LocatedNode {
    /// The `workspace:` line, not the whole document.
    var objectSpan: SourceSpan { graph.workspace.bestSpan(.id) }
}
extension OrgNode: LocatedNode { var objectSpan: SourceSpan { org.span } }
extension UserNode: LocatedNode { var objectSpan: SourceSpan { user.span } }
extension AppNode: LocatedNode { var objectSpan: SourceSpan { app.span } }
extension ProviderNode: LocatedNode { var objectSpan: SourceSpan { provider.span } }
extension AccountNode: LocatedNode { var objectSpan: SourceSpan { account.span } }
extension SubscriptionNode: LocatedNode { var objectSpan: SourceSpan { subscription.span } }
