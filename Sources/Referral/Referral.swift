// Referral: the router. `ReferralRouter` applies the mandatory chain P1-P5, the emergency bypass P0
// (Docs/rules-reference.md) and the coverage checks of CareRules (X1-X3, C2, C5) to one patient and
// returns a `Pathway` whose every step cites its rule; `RoutingTable` precomputes every health centre's
// pathways as flat arrays for the simulation.
