import FuzzSupport

// The edits target (FuzzSupport's FuzzTargets.edits): one input, its bytes; a finding traps. The
// input's bytes choose token edits of the training network; libFuzzer's own mutations of them are
// what it needs, so there is no custom mutator here.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEdits(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTargets.edits(UnsafeBufferPointer(start: data, count: size))
    return 0
}

@_cdecl("FuzzEdits_main")
public func fuzzEditsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzEntry.run(argc, argv) { data, size in fuzzEdits(data, size) }
}
