import CareNetwork
import ResultReport
import Testing

@Suite("Numbers as the report writes them")
struct ReportNumbersTests {
    let fr = ReportNumbers(.fr), ar = ReportNumbers(.ar)

    @Test("thousands are grouped: a narrow no-break space in French, a comma in Arabic")
    func grouping() {
        #expect(fr.integer(50_419_160) == "50\u{202F}419\u{202F}160")
        #expect(ar.integer(50_419_160) == "50,419,160")
        #expect(fr.integer(999) == "999" && fr.integer(-1_000) == "-1\u{202F}000")
        #expect(fr.decimal(12_345.67) == "12\u{202F}345,7")
        #expect(ar.decimal(12_345.67) == "12,345.7")
        #expect(fr.decimal(1_234_567.0, digits: 0) == "1\u{202F}234\u{202F}567")
    }

    @Test("a rounded-away negative is written without its sign; a change carries one")
    func signs() {
        #expect(fr.decimal(-0.04) == "0,0")
        #expect(fr.signed(3.26) == "+3,3" && fr.signed(-3.26) == "-3,3" && fr.signed(0.01) == "0,0")
        #expect(fr.decimal(.nan) == "?" && fr.decimal(.infinity) == "?" && fr.percent(.nan) == "?")
    }

    @Test("percentages, durations in the unit that reads best, intervals in the unit of their mean")
    func units() {
        #expect(fr.percent(0.873) == "87,3\u{00A0}%")
        #expect(ar.percent(0.873) == "87.3\u{00A0}%")
        #expect(fr.duration(minutes: 15.06) == "15,1\u{00A0}min")
        #expect(fr.duration(minutes: 120) == "2,0\u{00A0}h")
        #expect(fr.duration(minutes: 1440 * 3.4) == "3,4\u{00A0}j")
        #expect(ar.duration(minutes: 30) == "\u{2067}30.0\u{00A0}دقيقة\u{2069}", "one right-to-left run")
        #expect(fr.duration(minutes: 90, plusMinus: 30) == "1,5 ± 0,5\u{00A0}h")
    }

    @Test("in Arabic, a mean with its interval and a before → after stay left to right (isolated)")
    func isolation() {
        #expect(ar.plusMinus("1", "2") == "\u{2066}1 ± 2\u{2069}")
        #expect(ar.arrow("1", "2") == "\u{2066}1 → 2\u{2069}")
        #expect(fr.plusMinus("1", "2") == "1 ± 2")
    }
}
