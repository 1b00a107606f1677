// Filled in by its issue's change: see Benchmarks/Package.swift.
