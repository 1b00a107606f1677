import CFuzzerDriver
import FuzzSupport

// The result target (FuzzSupport's FuzzTargets.result): one input, its bytes; a finding traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResult(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTargets.result(UnsafeBufferPointer(start: data, count: size))
    return 0
}

// SwiftPM links this executable with `--defsym main=FuzzResult_main`: hand over to libFuzzer's driver.
@_cdecl("FuzzResult_main")
public func fuzzResultMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzResult(data, size) }
}
