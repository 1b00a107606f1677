import ArgumentParser
import CarePathSupport
import CareNetwork
import Diagrams
import Referral
import SimulationResults

/// Why a command stopped: the one way every command reports a failure. ``CarePath/main()`` prints
/// it on stderr (diagnostics as `carepath validate` prints them, then `error: message` and a hint
/// line) and exits with its status.
struct CommandFailure: Error, Sendable {
    var message: String?
    var hint: String?
    /// Diagnostics printed before the message (a network or scenario that did not load).
    var diagnostics: [Diagnostic] = []
    var status: Int32 = 1

    init(_ message: String?, hint: String? = nil, diagnostics: [Diagnostic] = [], status: Int32 = 1) {
        self.message = message
        self.hint = hint
        self.diagnostics = diagnostics
        self.status = status
    }

    /// What stderr shows.
    var text: String {
        var text = DiagnosticPrinter.text(diagnostics)
        if let message { text += "error: " + message + "\n" }
        if let hint { text += "  hint: " + hint + "\n" }
        return text
    }

    /// The failure a library error stands for, or nil for an error the argument parser reports
    /// (usage errors, help, `ExitCode`).
    static func from(_ error: any Error) -> CommandFailure? {
        switch error {
        case let failure as CommandFailure: failure
        case let error as DiagramsError: CommandFailure(error.description)
        case let error as ReferralError: CommandFailure(error.description)
        case let error as AtomicFile.Failure: CommandFailure(error.description)
        case let error as ResultReadError: CommandFailure(error.description)
        case let error as NetworkLoadError: CommandFailure(nil, diagnostics: error.diagnostics)
        default: nil
        }
    }
}
