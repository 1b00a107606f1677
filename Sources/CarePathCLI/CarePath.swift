import ArgumentParser
import CarePathSupport
import Foundation

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
            Simulate.self, Compare.self, Report.self, Merge.self, Sweep.self,
        ]
    )

    /// Runs the command, then checks that its output reached standard output: a full disk or a
    /// closed descriptor is one line on stderr and exit 1; a reader that went away (`| head`) ends
    /// quietly.
    static func main() {
        StandardOutput.protectDescriptors()
        // A reader that closes the pipe is reported by the write's EPIPE, not by a signal that kills the process.
        signal(SIGPIPE, SIG_IGN)
        var status: Int32 = 0
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if let failure = CommandFailure.from(error) {
                StandardError.write(failure.text)
                status = failure.status
            } else {
                status = exitCode(for: error).rawValue
                let message = fullMessage(for: error)
                // Help and --version go to stdout (exit 0); usage errors to stderr.
                if !message.isEmpty { if status == 0 { print(message) } else { StandardError.write(message + "\n") } }
            }
        }
        switch StandardOutput.finish() {
        case .written: break
        case .readerGone: break
        case .failed(let reason):
            StandardError.write("error: cannot write the output: \(reason)\n")
            if status == 0 { status = 1 }
        }
        Foundation.exit(status)
    }
}

/// The version printed by `carepath --version` and recorded in results.
enum CarePathVersion {
    static let string = "0.4.1"
}
