import FuzzSupport

// The scenario target (FuzzSupport's FuzzTargets.scenario): one input, its bytes; a finding traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTargets.scenario(UnsafeBufferPointer(start: data, count: size))
    return 0
}

@_cdecl("FuzzScenario_main")
public func fuzzScenarioMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzEntry.run(argc, argv) { data, size in fuzzScenario(data, size) }
}

@_cdecl("LLVMFuzzerCustomMutator")
public func fuzzScenarioMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: CUnsignedInt) -> Int {
    FuzzEntry.mutate(data, size, maxSize, seed)
}
