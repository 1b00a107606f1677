import Foundation

/// Debian's Chromium, headless, as the browser tests drive it (`.ci/setup` installs it): each call
/// a fresh profile in a temporary directory, so that calls do not share state or lock each other.
enum Chromium {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The browser: `chromium` on the PATH.
    static func executable() throws -> URL {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("chromium")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Failure(description: "chromium is not installed: the browser tests need it (bash .ci/setup installs it)")
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carepath-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Writes `html` to a temporary file and returns its URL.
    static func page(_ html: String, in directory: URL) throws -> URL {
        let file = directory.appendingPathComponent("report.html")
        try html.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Runs headless Chromium on `page` with `arguments`; returns its standard output.
    @discardableResult
    static func run(_ arguments: [String], page: URL, in directory: URL) throws -> Data {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                             "--disable-extensions", "--disable-background-networking", "--user-data-dir=" + directory.appendingPathComponent("profile").path]
            + arguments + [page.absoluteString]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "chromium exited with \(process.terminationStatus): \(String(decoding: errors.suffix(2000), as: UTF8.self))")
        }
        return data
    }

    /// The DOM after the page loaded, serialised.
    static func dom(of html: String) throws -> String {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        return String(decoding: try run(["--dump-dom"], page: page(html, in: directory), in: directory), as: UTF8.self)
    }

    /// A screenshot of the page's top `height` pixels, `width` wide.
    static func screenshot(of html: String, width: Int, height: Int) throws -> [UInt8] {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("shot.png")
        try run(["--screenshot=" + file.path, "--window-size=\(width),\(height)"], page: page(html, in: directory), in: directory)
        return [UInt8](try Data(contentsOf: file))
    }

    /// The page printed to PDF as a browser prints it (the print style sheet, its `@page` size).
    static func pdf(of html: String) throws -> [UInt8] {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("report.pdf")
        try run(["--print-to-pdf=" + file.path, "--no-pdf-header-footer"], page: page(html, in: directory), in: directory)
        return [UInt8](try Data(contentsOf: file))
    }
}

/// What the tests read in a PDF's bytes.
enum PDFFile {
    /// The number of page objects (`/Type /Page`, not `/Pages`).
    static func pageCount(_ bytes: [UInt8]) -> Int {
        let text = String(decoding: bytes, as: UTF8.self)
        var count = 0, rest = text[...]
        while let range = rest.range(of: "/Type /Page") {
            let next = rest[range.upperBound...].first
            if next != "s" { count += 1 }
            rest = rest[range.upperBound...]
        }
        return count
    }

    /// The media boxes' sizes in points.
    static func mediaBoxes(_ bytes: [UInt8]) -> [(width: Double, height: Double)] {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.components(separatedBy: "/MediaBox [").dropFirst().compactMap { tail in
            let numbers = tail.prefix { $0 != "]" }.split(separator: " ").compactMap { Double($0) }
            return numbers.count == 4 ? (numbers[2] - numbers[0], numbers[3] - numbers[1]) : nil
        }
    }
}
