#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Standard output as a command line tool must treat it: every byte goes through the C library's
/// buffered `stdout` (as `print` does), and the command ends by flushing it and saying whether that
/// worked, so that a full disk or a closed descriptor is an error rather than a silent exit 0.
package enum StandardOutput {
    /// Whether descriptor 1 was closed when the process started (``protectDescriptors()``).
    nonisolated(unsafe) private static var wasClosed = false

    /// Keeps descriptors 0-2 from being reused by the first files the command opens: a closed
    /// standard output is replaced by `/dev/full`, so that writing to it fails (and is reported by
    /// ``finish()``) instead of landing in whatever file got descriptor 1. Call it first thing.
    package static func protectDescriptors() {
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let replacement = open(descriptor == 1 ? "/dev/full" : "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            if replacement >= 0, replacement != descriptor {
                dup2(replacement, descriptor)
                close(replacement)
            }
            if descriptor == 1 { wasClosed = true }
        }
    }

    /// Writes `bytes` to standard output (buffered; failures surface in ``finish()``).
    package static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
            _ = fwrite(base, 1, buffer.count, stdout)
        }
    }

    /// How writing the output ended.
    package enum Outcome: Equatable, Sendable {
        case written
        /// The reader went away (`| head`): end quietly, as Unix tools do.
        case readerGone
        /// The output could not be written; the reason in words.
        case failed(String)
    }

    /// Flushes standard output and says whether everything written reached it.
    package static func finish() -> Outcome {
        if fflush(stdout) == 0, ferror(stdout) == 0 { return .written }
        let code = errno
        if code == EPIPE { return .readerGone }
        return .failed(wasClosed ? "standard output is closed" : String(cString: strerror(code)))
    }
}

/// Standard error, for messages: written at once, and a failure to write it (a full disk, a closed
/// descriptor) is ignored, since there is nowhere left to report it; it never stops the command.
package enum StandardError {
    package static func write(_ text: String) {
        _ = fputs(text, stderr)
    }
}
