import CareNetwork
import Testing
@testable import Diagrams

@Suite("LabelLanguages: the languages of a diagram's labels")
struct LabelLanguagesTests {
    let name = LocalizedName(fr: "Centre de santé", ar: "المركز الصحي", en: "Health centre")

    @Test("fr, ar and both give one line per language, French above Arabic")
    func presets() {
        #expect(LabelLanguages.fr.lines(name) == ["Centre de santé"])
        #expect(LabelLanguages.ar.lines(name) == ["المركز الصحي"])
        #expect(LabelLanguages.both.lines(name) == ["Centre de santé", "المركز الصحي"])
        #expect(LabelLanguages.both.languages == [.fr, .ar])
    }

    @Test("a text that reads the same in two languages is written once; any order and English work")
    func lines() {
        #expect(LabelLanguages.both.lines(LocalizedName(fr: "CHU", ar: "CHU")) == ["CHU"])
        #expect(LabelLanguages(.ar, .fr).lines(name) == ["المركز الصحي", "Centre de santé"])
        #expect(LabelLanguages(.en, .ar).lines(name) == ["Health centre", "المركز الصحي"])
        // English falls back to French, which is then already written.
        #expect(LabelLanguages(.fr, .en).lines(LocalizedName(fr: "Oasis", ar: "الواحة")) == ["Oasis"])
        #expect(LabelLanguages.both.line(name) == "Centre de santé / المركز الصحي")
    }
}
