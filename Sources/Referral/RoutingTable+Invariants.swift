extension RoutingTable {
    /// Checks the layout invariants (one offset more than entries, centres × services × 2 entries, one
    /// rule per visit and each a P0-P4 code, offsets that never decrease and stay within the visits, each
    /// slot naming its health centre, a treated entry's last visit its treating facility) and returns
    /// the violations found; empty for every table ``init(router:status:)`` builds. Debug builds check
    /// it as each table is built (``checkInvariants()``).
    package func invariantViolations() -> [String] {
        var problems: [String] = []
        if offsets.count != treatedAt.count + 1 { problems.append("offsets has \(offsets.count) elements for \(treatedAt.count) entries") }
        if treatedAt.count != healthCentres.count * serviceCount * 2 { problems.append("entry count is not centres × services × 2") }
        if rules.count != visits.count { problems.append("rules and visits differ in length") }
        if let code = rules.first(where: { RoutingTable.rule(code: $0) == nil }) { problems.append("rule code \(code) is not P0-P4") }
        for (slot, centre) in healthCentres.enumerated() where !slotByFacility.indices.contains(centre.index) || slotByFacility[centre.index] != Int32(slot) {
            problems.append("health centre \(centre) is not at slot \(slot)")
        }
        guard offsets.count == treatedAt.count + 1 else { return problems }
        if offsets.first != 0 || offsets.last.map(Int.init) != visits.count { problems.append("offsets do not span the visits") }
        for entry in 0..<treatedAt.count where offsets[entry] > offsets[entry + 1] {
            problems.append("offsets decrease at entry \(entry)")
        }
        guard problems.isEmpty else { return problems }
        for entry in 0..<treatedAt.count where treatedAt[entry] >= 0 {
            if visited(entry: entry).last != treatedAt[entry] { problems.append("entry \(entry) is treated off its last visit") }
        }
        return problems
    }

    #if DEBUG
    /// Stops a debug build when a layout invariant is broken (``invariantViolations()``); a release
    /// build checks nothing.
    @inline(never)
    func checkInvariants() {
        let problems = invariantViolations()
        assert(problems.isEmpty, "RoutingTable invariants broken: " + problems.prefix(10).joined(separator: "; "))
    }
    #else
    @inline(__always)
    func checkInvariants() {}
    #endif
}
