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
