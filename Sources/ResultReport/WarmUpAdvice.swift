import CareNetwork
import SimulationResults

/// What the report says of the day-end census, one piece of advice that never contradicts the
/// overloaded stations: when stations are saturated, their queues grow whatever the warm-up, so a
/// census that looks like a short warm-up is not told to lengthen it.
struct WarmUpAdvice {
    let words: LocalizedName
    let isWarning: Bool

    init(_ document: ResultDocument) {
        switch document.steadyState {
        case .steady: (words, isWarning) = (Words.steady, false)
        case .steadyExceptOverloaded: (words, isWarning) = (Words.steadyButOverloaded, true)
        case .warmUpTooShort: (words, isWarning) = (Words.warmUpTooShort, true)
        case .overloaded: (words, isWarning) = (Words.fillingButOverloaded, true)
        case .stillRising: (words, isWarning) = (Words.stillRising, true)
        case .tooSmallToJudge: (words, isWarning) = (Words.tooSmallToJudge, false)
        }
    }
}

extension Words {
    static let steadyButOverloaded = LocalizedName(
        fr: "Le total des patients dans le système est stable, mais des postes sont saturés : leur file s'allonge tant que dure la simulation (voir les postes saturés).",
        ar: "مجموع المرضى في النظام مستقر، لكن بعض نقاط الخدمة مشبعة: صف انتظارها يطول ما دامت المحاكاة (انظر نقاط الخدمة المشبعة).")
    static let fillingButOverloaded = LocalizedName(
        fr: "Pas de régime permanent aux postes saturés : le système se remplissait encore au début des mesures, et la file des postes saturés s'allonge quelle que soit la mise en régime ; allonger --warmup n'y changerait rien, il leur faut plus de capacité ou moins de demande.",
        ar: "لا توجد حالة مستقرة في نقاط الخدمة المشبعة: كان النظام لا يزال يمتلئ عند بداية القياس، وصف انتظار النقاط المشبعة يطول مهما كانت فترة الإحماء؛ إطالة --warmup لن تغير شيئا، بل تحتاج إلى طاقة أكبر أو طلب أقل.")
}
