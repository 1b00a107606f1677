import FuzzSupport

// The network target (FuzzSupport's FuzzTargets.network): one input, its bytes; a finding traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNetwork(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTargets.network(UnsafeBufferPointer(start: data, count: size))
    return 0
}

@_cdecl("FuzzNetwork_main")
public func fuzzNetworkMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzEntry.run(argc, argv) { data, size in fuzzNetwork(data, size) }
}

@_cdecl("LLVMFuzzerCustomMutator")
public func fuzzNetworkMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: CUnsignedInt) -> Int {
    FuzzEntry.mutate(data, size, maxSize, seed)
}
