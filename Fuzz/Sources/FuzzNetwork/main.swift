import CFuzzerDriver
import FuzzSupport

// The network target (FuzzSupport's FuzzTargets.network): one input, its bytes; a finding traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNetwork(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTargets.network(UnsafeBufferPointer(start: data, count: size))
    return 0
}

// SwiftPM links this executable with `--defsym main=FuzzNetwork_main`: hand over to libFuzzer's driver.
@_cdecl("FuzzNetwork_main")
public func fuzzNetworkMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzNetwork(data, size) }
}

// Half the mutations change one token of the file (FuzzSupport's TokenMutator), so that mutants
// stay well formed and often valid; the other half are libFuzzer's own.
@_cdecl("LLVMFuzzerCustomMutator")
public func fuzzNetworkMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: CUnsignedInt) -> Int {
    if seed & 1 == 0, let mutated = TokenMutator.mutate(data, size: size, maxSize: maxSize, seed: seed >> 1) { return mutated }
    return LLVMFuzzerMutate(data, size, maxSize)
}
