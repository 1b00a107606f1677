/// One cell of the arrivals' alias table: keep `route` when the low 32 random bits fall below
/// `threshold`, else take `aliasRoute`. Bit 0 of `flags`: `route` is an emergency; bit 1: `aliasRoute` is.
package struct AliasEntry {
    package var threshold: UInt32
    package var route: Int32
    package var aliasRoute: Int32
    package var flags: UInt32
}
