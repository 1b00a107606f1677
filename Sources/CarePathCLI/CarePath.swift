import ArgumentParser

/// The `carepath` command: one subcommand per job (see Docs/).
@main
struct CarePath: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carepath",
        abstract: "Model Morocco's public health-facility network for RAMED patients.",
        discussion: """
            Without --network, every command reads the bundled national network (Networks/morocco.yaml).
            Rule ids (E1, B13, X1, P3...) refer to the RAMED rules digest.
            """.helpParagraphs,
        version: CarePathVersion.string,
        subcommands: [
            Validate.self,
            BasketCommand.self, EligibilityCommand.self, RouteCommand.self,
            Render.self,
            Simulate.self, Compare.self,
        ]
    )
}

/// The version printed by `carepath --version` and recorded in results.
enum CarePathVersion {
    static let string = "0.3.0"
}
