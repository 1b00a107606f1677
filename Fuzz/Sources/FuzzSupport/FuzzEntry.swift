import CFuzzerDriver

/// What every fuzz executable does at its C entry points (which libFuzzer needs exported from each
/// binary, so each target keeps three one-line stubs): hand over to libFuzzer's driver, and mutate.
public enum FuzzEntry {
    /// SwiftPM links each executable with `--defsym main=<Target>_main`: run libFuzzer's driver on `test`.
    public static func run(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                           test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv, test)
    }

    /// Half the mutations change one token of the file (``TokenMutator``), so that mutants stay well
    /// formed and often valid; the other half are libFuzzer's own.
    public static func mutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: CUnsignedInt) -> Int {
        if seed & 1 == 0, let mutated = TokenMutator.mutate(data, size: size, maxSize: maxSize, seed: seed >> 1) { return mutated }
        return LLVMFuzzerMutate(data, size, maxSize)
    }
}
