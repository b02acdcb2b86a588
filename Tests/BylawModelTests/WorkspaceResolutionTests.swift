import BylawModel
import BylawSource
import Testing

/// Billing resolution in each mode, provenance, silos, the org tree and lookups.
@Suite struct WorkspaceResolutionTests {
    static let assigned = """
        workspace: acme
        billing:
          mode: assigned
          accounts:
            - {id: acct-us, currency: USD, owner: cfo@example.com}
            - {id: acct-eu, currency: EUR}
        orgs:
          - id: us
            billing_account: acct-us
          - id: eu
            billing_account: acct-eu
          - id: us-eng
            parent: us
            billing_account: acct-eu
          - id: us-eng-ml
            parent: us-eng
          - id: lab
        users:
          - {id: alice, email: alice@example.com, org: us-eng-ml}
          - {id: bob, org: eu, status: offboarded, offboarded_on: 2025-01-31}
        """

    @Test func assignedModeInheritsTheRootAccountWithProvenance() throws {
        let workspace = try loadValid(Self.assigned)
        let ml = try #require(workspace.org("us-eng-ml"))
        let us = try #require(workspace.org("us"))
        #expect(ml.billing.accounts.map(\.id) == ["acct-us"])
        #expect(ml.billing.silo == "us")
        #expect(ml.billing.provenance.decidedBy(for: ml) === us)
        #expect(ml.billing.provenance.span?.start.line == 9)
        #expect(ml.billing.provenance.describe(for: ml) == "inherited from org `us` (workspace.yaml:9)")
        #expect(us.billing.provenance.describe(for: us) == "declared by org `us` (workspace.yaml:9)")
        #expect(try #require(workspace.org("eu")).billing.accounts.map(\.id) == ["acct-eu"])
    }

    @Test func aChildKeepsItsOwnDeclaredAccountForPolicies() throws {
        let workspace = try loadValid(Self.assigned)
        let eng = try #require(workspace.org("us-eng"))
        #expect(eng.billingAccount?.id == "acct-eu")
        #expect(eng.billing.accounts.map(\.id) == ["acct-us"])
        #expect(eng.span(of: .billing_account)?.start.line == 14)
        #expect(eng.file.text(of: try #require(eng.spans[.billing_account].sourceRange)) == "billing_account: acct-eu")
    }

    @Test func anAssignedRootWithoutAccountLoadsWithNoAccounts() throws {
        let workspace = try loadValid(Self.assigned)
        let lab = try #require(workspace.org("lab"))
        #expect(lab.billing.accounts.isEmpty)
        #expect(lab.billing.silo == "lab")
        #expect(lab.billing.provenance.decidedBy(for: lab) === lab)
        #expect(lab.billing.provenance.span == nil)
        #expect(lab.span(of: .billing_account) == nil)
        #expect(lab.bestSpan(.billing_account).start.line == 17)
    }

    @Test func backReferencesAndTheOneAccount() throws {
        let workspace = try loadValid(Self.assigned + """

            providers: [{id: p, vendor: openai, custody: byos}]
            apps: [{id: notes, kind: company, owner: alice, provider: p}, {id: wiki, kind: company, owner: alice, provider: p}]
            """)
        let ml = try #require(workspace.org("us-eng-ml"))
        #expect(workspace.users(of: ml).map(\.id) == ["alice"])
        #expect(workspace.users(of: try #require(workspace.org("us"))).isEmpty)
        #expect(workspace.apps(ownedBy: try #require(workspace.user("alice"))).map(\.id) == ["notes", "wiki"])
        #expect(workspace.apps(ownedBy: try #require(workspace.user("bob"))).isEmpty)
        #expect(ml.billing.account?.id == "acct-us")
        #expect(ml.billing.inheritedFrom(for: ml)?.id == "us")
        #expect(try #require(workspace.org("lab")).billing.account == nil)
        let order = workspace.orgsParentsFirst
        #expect(order.count == workspace.orgs.count)
        for org in order {
            if let parent = org.parent {
                #expect(try #require(order.firstIndex { $0 === parent }) < #require(order.firstIndex { $0 === org }))
            }
        }
    }

    @Test func singleModeGivesEveryOrgTheWorkspaceAccount() throws {
        let workspace = try loadValid("""
            workspace: acme
            billing:
              mode: single
              accounts: [{id: main, currency: EUR}]
            orgs: [{id: a}, {id: b, parent: a, billing_account: main}]
            """)
        let b = try #require(workspace.org("b"))
        #expect(workspace.mode == .single)
        #expect(b.billing.accounts.map(\.id) == ["main"])
        #expect(b.billing.silo == "acme")
        #expect(b.billing.provenance.decidedBy(for: b) == nil)
        #expect(b.billing.account?.id == "main")
        #expect(b.billing.provenance.describe(for: b) == "workspace billing accounts (workspace.yaml:4)")
        #expect(b.billingAccount?.id == "main")
    }

    @Test func pooledModeGivesEveryOrgEveryDeclaredAccount() throws {
        let workspace = try loadValid("""
            workspace: acme
            billing:
              mode: pooled
              accounts: [{id: a1, currency: EUR}, {id: a2, currency: EUR}, {id: idle, currency: EUR}]
            subscriptions:
              - {id: s1, account: a1, resource: seats, quantity: 40}
              - {id: s2, account: a2, resource: openai-credits}
              - {id: s3, account: a1, resource: groq-credits}
            orgs: [{id: x}, {id: y, parent: x}]
            """)
        let y = try #require(workspace.org("y"))
        #expect(y.billing.accounts.map(\.id) == ["a1", "a2", "idle"])
        #expect(y.billing.silo == "acme")
        #expect(y.billing.account == nil)
        #expect(workspace.subscriptions(of: try #require(workspace.account("a1"))).map(\.id) == ["s1", "s3"])
        #expect(workspace.subscriptions(of: try #require(workspace.account("idle"))).isEmpty)
        #expect(workspace.subscription("s2")?.quantity == 1)
        #expect(workspace.subscription("s1")?.quantity == 40)
        #expect(workspace.subscription("s2")?.account.id == "a2")
    }

    @Test func theOrgTreeHasParentsChildrenRootsAndAncestors() throws {
        let workspace = try loadValid(Self.assigned)
        let ml = try #require(workspace.org("us-eng-ml"))
        #expect(ml.parent?.id == "us-eng")
        #expect(ml.root.id == "us")
        #expect(ml.depth == 2)
        #expect(ml.ancestors.map(\.id) == ["us-eng", "us"])
        #expect(workspace.roots.map(\.id) == ["us", "eu", "lab"])
        #expect(workspace.children(of: try #require(workspace.org("us"))).map(\.id) == ["us-eng"])
        #expect(try #require(workspace.org("us")).isRoot)
        #expect(workspace.orgs.map(\.id) == ["us", "eu", "us-eng", "us-eng-ml", "lab"])
        #expect(workspace.orgs.map(\.index) == [0, 1, 2, 3, 4])
    }

    @Test func lookupsDefaultsAndLabels() throws {
        let workspace = try loadValid("""
            workspace: acme
            labels: {tier: gold, cost-center: 1234}
            billing: {mode: single, accounts: [{id: main, currency: EUR}]}
            orgs: [{id: us, name: United States, labels: {region: na}}]
            users:
              - {id: alice, org: us}
              - {id: bob, email: bob@example.com, org: us, status: offboarded}
            providers:
              - {id: openai, vendor: openai, custody: byos, training_opt_out: true}
              - {id: pool, vendor: together, custody: vendor-pool}
            apps:
              - {id: wiki, kind: company, owner: alice, provider: openai, orgs: [us], data: [internal, client]}
              - {id: chat, kind: consumer-chat, provider: pool}
            """)
        #expect(workspace.name == "acme")
        #expect(workspace.labels == ["tier": "gold", "cost-center": "1234"])
        #expect(workspace.org("us")?.name == "United States")
        #expect(workspace.org("us")?.labels == ["region": "na"])
        #expect(workspace.user("alice")?.status == .active)
        #expect(workspace.user("alice")?.email == "")
        #expect(workspace.user("bob")?.status == .offboarded)
        #expect(workspace.user("bob")?.offboardedOn == nil)
        #expect(workspace.provider("pool")?.trainingOptOut == false)
        #expect(workspace.provider("pool")?.custody == .vendorPool)
        let wiki = try #require(workspace.app("wiki"))
        #expect(wiki.owner?.id == "alice")
        #expect(wiki.owner?.org.id == "us")
        #expect(wiki.provider.id == "openai")
        #expect(wiki.orgs.map(\.id) == ["us"])
        #expect(wiki.data == [.internal, .client])
        #expect(workspace.app("chat")?.owner == nil)
        #expect(workspace.app("chat")?.kind == .consumerChat)
        #expect(workspace.app("nope") == nil)
        #expect(workspace.user("nope") == nil)
        #expect(workspace.org("nope") == nil)
    }

    @Test func aSubscriptionsFieldSpanCoversKeyAndValue() throws {
        let workspace = try loadValid("""
            workspace: acme
            billing: {mode: pooled, accounts: [{id: a, currency: EUR}]}
            subscriptions:
              - id: s
                account: a
                resource: seats
            """)
        let subscription = try #require(workspace.subscription("s"))
        let span = try #require(subscription.span(of: .account))
        #expect(span.start.line == 5)
        #expect(span.start.column == 5)
        #expect(span.file.text(of: span.range) == "account: a")
        #expect(subscription.span.start.line == 4)
        #expect(workspace.billing.span(of: .mode)?.start.line == 2)
    }
}
