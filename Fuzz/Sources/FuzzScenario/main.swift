import CFuzzerDriver
import FuzzSupport

// The scenario target (FuzzSupport's FuzzTargets.scenario): one input, its bytes; a finding traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTargets.scenario(UnsafeBufferPointer(start: data, count: size))
    return 0
}

// SwiftPM links this executable with `--defsym main=FuzzScenario_main`: hand over to libFuzzer's driver.
@_cdecl("FuzzScenario_main")
public func fuzzScenarioMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzScenario(data, size) }
}
