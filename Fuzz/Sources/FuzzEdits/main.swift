import CFuzzerDriver
import FuzzSupport

// The edits target (FuzzSupport's FuzzTargets.edits): the input's bytes choose token edits of the
// training network, and the edited network goes through the network target. libFuzzer's own
// mutations of those bytes are what it needs: no custom mutator here.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEdits(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTargets.edits(UnsafeBufferPointer(start: data, count: size))
    return 0
}

// SwiftPM links this executable with `--defsym main=FuzzEdits_main`: hand over to libFuzzer's driver.
@_cdecl("FuzzEdits_main")
public func fuzzEditsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzEdits(data, size) }
}
