import Foundation
import Testing

/// Writing fails loudly: a full or closed standard output is one line on stderr and exit 1 for
/// every command; a reader that goes away (`| head`) ends the command quietly.
@Suite("Standard output that cannot be written")
struct OutputFailureTests {
    /// Runs `carepath` through the shell, so the test can close or redirect its descriptors.
    static func shell(_ script: String) throws -> CLI.Result {
        try CLI.run(["-c", script], environment: ["CAREPATH": CLI.binary.path], executable: URL(fileURLWithPath: "/bin/sh"))
    }

    static let commands = [
        "basket",
        "validate Networks/training-small.yaml",
        "route --network Networks/training-small.yaml --from cs-tensift-3 --service cardiac-surgery",
        "render pathway --network Networks/training-small.yaml --from cs-tensift-3 --service cardiac-surgery",
        "simulate --network Networks/training-small.yaml --days 2 --replications 1",
        "--help",
    ]

    @Test("stdout on /dev/full: one line on stderr, exit 1", arguments: commands)
    func full(_ command: String) throws {
        let result = try Self.shell("\"$CAREPATH\" \(command) >/dev/full")
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("error: cannot write the output: No space left on device\n"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test("stdout closed: one line on stderr, exit 1", arguments: commands)
    func closed(_ command: String) throws {
        let result = try Self.shell("\"$CAREPATH\" \(command) >&-")
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("error: cannot write the output: standard output is closed\n"), "\(result.stderr)")
    }

    @Test("stderr on /dev/full: the command still ends with its own status, without a crash")
    func fullStderr() throws {
        let result = try Self.shell("\"$CAREPATH\" route --network Networks/training-small.yaml --from cs-tensift-3 --service no-such-service 2>/dev/full; echo \"status $?\"")
        #expect(result.stdout == "status 1\n")
    }

    @Test("a reader that goes away ends the command quietly, exit 0")
    func closedPipe() throws {
        // The command's status is echoed on stderr from inside the pipeline; head stops reading after 10 bytes.
        let result = try Self.shell("{ \"$CAREPATH\" simulate --network Networks/training-small.yaml --days 20 --replications 4 --format json; echo \"status $?\" >&2; } | head -c 10 >/dev/null")
        #expect(result.stderr == "status 0\n")
    }
}
