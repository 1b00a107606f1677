import CareNetwork
import SimulationResults

/// What the report says of the day-end census, one piece of advice that never contradicts the
/// overloaded stations: when stations are saturated, their queues grow whatever the warm-up, so a
/// census that looks like a short warm-up is not told to lengthen it.
struct WarmUpAdvice {
    let words: LocalizedName
    let isWarning: Bool

    init(_ document: ResultDocument) {
        let overloaded = document.overloadedStations.count
        switch document.daily.warmUpCheck.verdict {
        case .steady:
            words = overloaded > 0 ? Words.steadyButOverloaded : Words.steady
            isWarning = overloaded > 0
        case .warmUpTooShort:
            words = overloaded > 0 ? Words.stillRising : Words.warmUpTooShort
            isWarning = true
        case .stillRising:
            words = Words.stillRising
            isWarning = true
        case .tooSmallToJudge:
            words = Words.tooSmallToJudge
            isWarning = false
        }
    }
}

extension Words {
    static let steadyButOverloaded = LocalizedName(
        fr: "Le total des patients dans le système est stable, mais des postes sont saturés : leur file s'allonge tant que dure la simulation (voir les postes saturés).",
        ar: "مجموع المرضى في النظام مستقر، لكن بعض نقاط الخدمة مشبعة: صف انتظارها يطول ما دامت المحاكاة (انظر نقاط الخدمة المشبعة).")
}
