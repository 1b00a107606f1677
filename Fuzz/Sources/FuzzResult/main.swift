import FuzzSupport

// The result target (FuzzSupport's FuzzTargets.result): one input, its bytes; a finding traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResult(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTargets.result(UnsafeBufferPointer(start: data, count: size))
    return 0
}

@_cdecl("FuzzResult_main")
public func fuzzResultMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzEntry.run(argc, argv) { data, size in fuzzResult(data, size) }
}

@_cdecl("LLVMFuzzerCustomMutator")
public func fuzzResultMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: CUnsignedInt) -> Int {
    FuzzEntry.mutate(data, size, maxSize, seed)
}
