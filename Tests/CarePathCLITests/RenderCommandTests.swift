import Foundation
import Testing

@Suite("carepath render network")
struct RenderCommandTests {
    @Test("the whole national network drawn centre by centre gets a note on stderr; collapsed or one region does not")
    func wideDrawingNote() throws {
        let directory = try CLI.temporaryDirectory()
        let whole = try CLI.run(["render", "network", "--format", "dot", "-o", directory + "/national.dot"])
        #expect(whole.status == 0)
        #expect(whole.stderr.contains(try Regex(#"^note: \d{4} health centres drawn one by one"#)))
        #expect(whole.stderr.contains("--collapse folds them by province"))
        #expect(FileManager.default.fileExists(atPath: directory + "/national.dot"))
        for options in [["--collapse"], ["--region", "souss-massa"]] {
            let result = try CLI.run(["render", "network", "--format", "dot", "-o", directory + "/part.dot"] + options)
            #expect(result.status == 0 && result.stderr.isEmpty, "\(options): \(result.stderr)")
        }
    }
}
