import CarePathSupport
import Foundation
import Testing

@Suite struct GroupedNumberTests {
    @Test func grouped() {
        #expect(NumberFormat.grouped(0) == "0")
        #expect(NumberFormat.grouped(999) == "999")
        #expect(NumberFormat.grouped(1000) == "1,000")
        #expect(NumberFormat.grouped(-1_234_567) == "-1,234,567")
        #expect(NumberFormat.grouped(Int.min) == "-9,223,372,036,854,775,808")
    }

    @Test func oneDecimalAndPercent() {
        #expect(NumberFormat.oneDecimal(12.5) == "12.5")
        #expect(NumberFormat.oneDecimal(1300) == "1,300")
        #expect(NumberFormat.oneDecimal(-0.5) == "-0.5")
        #expect(NumberFormat.oneDecimal(-12.25) == "-12.3" || NumberFormat.oneDecimal(-12.25) == "-12.2")
        #expect(NumberFormat.oneDecimal(.infinity) == "?")
        #expect(NumberFormat.oneDecimal(1e19) == "?")
        #expect(NumberFormat.percent(0.873) == "87 %")
        #expect(NumberFormat.percent(1e17) == "?")
        #expect(NumberFormat.percent(.nan) == "?")
    }

    @Test func groupedWithDecimals() {
        #expect(NumberFormat.grouped(31705.14, digits: 1) == "31,705.1")
        #expect(NumberFormat.grouped(999.96, digits: 1) == "1,000.0")
        #expect(NumberFormat.grouped(48004.6, digits: 0) == "48,005")
        #expect(NumberFormat.grouped(-1234567.25, digits: 2) == "-1,234,567.25")
        #expect(NumberFormat.grouped(558, digits: 1) == "558.0")
        #expect(NumberFormat.grouped(.infinity, digits: 1) == NumberFormat.fixed(.infinity, digits: 1))
    }

    @Test func significantMatchesFoundation() {
        for value in [0, -0.0, 1, 0.1, 123456.789, 1e-9, -3.25, 1e300, .infinity, -.infinity, .nan] {
            #expect(NumberFormat.significant(value) == String(format: "%.6g", value))
        }
        #expect(NumberFormat.fixed(2.345, digits: 1) == String(format: "%.1f", 2.345))
    }
}

@Suite struct HashAndRandomTests {
    /// Reference values of FNV-1a 64 (the empty input is the offset basis; "a" from the FNV test suite).
    @Test func fnv1a() {
        #expect(FNV1a64.digest(of: []) == "fnv1a64:cbf29ce484222325")
        #expect(FNV1a64.digest(of: Array("a".utf8)) == "fnv1a64:af63dc4c8601ec8c")
    }

    /// SplitMix64 seeded with 0: the first outputs of the reference implementation.
    @Test func splitMixReference() {
        var generator = SplitMix64(state: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}

@Suite struct SuggestionTests {
    @Test func nearestWithinThreshold() {
        #expect(Suggestion.nearest(to: "chu-rabta", in: ["chu-rabat", "chr-rabat"]) == "chu-rabat")
        #expect(Suggestion.nearest(to: "xyz", in: ["chu-rabat"]) == nil)
        #expect(Suggestion.hint(for: "emergancy", in: ["emergency"]) == "did you mean 'emergency'?")
        // A swap of two letters counts as one edit.
        #expect(Suggestion.nearest(to: "ab", in: ["ba", "zz"]) == "ba")
    }
}

@Suite struct AtomicFileTests {
    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("carepath-support-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func writesWholeAndKeepsMode() throws {
        let dir = try folder(), path = dir + "/out.txt"
        try AtomicFile.write("first", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")
        chmod(path, 0o600)
        try AtomicFile.write("second", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.txt"])
    }

    @Test func refusesWhatIsNotARegularFile() throws {
        let dir = try folder()
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: false)
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("x", to: dir + "/sub") }
        #expect(mkfifo(dir + "/fifo", 0o600) == 0)
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("x", to: dir + "/fifo") }
        try "target".write(toFile: dir + "/target", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: dir + "/target")
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("x", to: dir + "/link") }
        #expect(try String(contentsOfFile: dir + "/target", encoding: .utf8) == "target")
        do {
            try AtomicFile.write("x", to: dir + "/missing/out.txt")
            Issue.record("wrote into a missing folder")
        } catch let failure as AtomicFile.Failure {
            #expect(failure.description == "cannot write '\(dir)/missing/out.txt': its folder '\(dir)/missing' does not exist")
        }
        // Nothing left behind by the failures.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["fifo", "link", "sub", "target"])
    }
}

@Suite struct OutputDirectoryTests {
    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("carepath-outdir-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func contents(_ path: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: path) { files[name] = try String(contentsOfFile: path + "/" + name, encoding: .utf8) }
        return files
    }

    @Test func replacedAsASet() throws {
        let parent = try folder(), path = parent + "/run"
        try OutputDirectory(path: path, fileNames: ["a", "b"]).replace(with: [("a", "1"), ("b", "1")])
        #expect(try contents(path) == ["a": "1", "b": "1"])
        try OutputDirectory(path: path, fileNames: ["a", "b"]).replace(with: [("a", "2"), ("b", "2")])
        #expect(try contents(path) == ["a": "2", "b": "2"])
        // A failure half-way (the second file cannot be written) leaves the old set whole, and no sibling.
        #expect(throws: AtomicFile.Failure.self) {
            try OutputDirectory(path: path, fileNames: ["a", "b"]).replace(with: [("a", "3"), ("c", "3")])
        }
        #expect(try contents(path) == ["a": "2", "b": "2"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["run"])
    }

    @Test func lockedAgainstASecondWriter() throws {
        let path = try folder() + "/run"
        let first = try OutputDirectory(path: path, fileNames: ["a"])
        do {
            _ = try OutputDirectory(path: path, fileNames: ["a"])
            Issue.record("a second writer took the lock")
        } catch let failure as AtomicFile.Failure {
            #expect(failure.reason.hasPrefix("another carepath run is writing its results there now"))
        }
        try first.replace(with: [("a", "x")])
        withExtendedLifetime(first) {}
    }

    @Test func refusesForeignFilesAndCleansKilledRuns() throws {
        let parent = try folder(), path = parent + "/run"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        try "mine".write(toFile: path + "/notes.txt", atomically: false, encoding: .utf8)
        #expect(throws: AtomicFile.Failure.self) { try OutputDirectory(path: path, fileNames: ["a"]) }
        try FileManager.default.removeItem(atPath: path + "/notes.txt")
        try FileManager.default.createDirectory(atPath: path + "/a", withIntermediateDirectories: false)
        #expect(throws: AtomicFile.Failure.self) { try OutputDirectory(path: path, fileNames: ["a"]) }
        try FileManager.default.removeItem(atPath: path + "/a")
        // What a run killed half-way leaves: a sibling with some of its files.
        try FileManager.default.createDirectory(atPath: parent + "/.run.carepath-Ab12Cd", withIntermediateDirectories: false)
        try "half".write(toFile: parent + "/.run.carepath-Ab12Cd/a", atomically: false, encoding: .utf8)
        let directory = try OutputDirectory(path: path, fileNames: ["a"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["run"])
        withExtendedLifetime(directory) {}
    }

    @Test func madeAndNeverFilledIsRemoved() throws {
        let parent = try folder()
        do { _ = try OutputDirectory(path: parent + "/run", fileNames: ["a"]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).isEmpty)
    }
}
