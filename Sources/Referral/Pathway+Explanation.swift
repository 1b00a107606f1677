import CareNetwork

extension Pathway {
    /// How the pathway ends, in words, in French, Arabic and English: the outcome and the facility
    /// that treats, named as the steps name it (`pris en charge à Centre hospitalier régional Atlas
    /// [chr-atlas] (P5)`).
    public func outcomeText(in network: CareNetwork) -> LocalizedName {
        let name = outcome.kind.name
        switch outcome {
        case .treated(let at):
            let f = network[at], rule = (self.rule ?? .p5).rawValue
            func named(_ language: Language) -> String { "\(f.name.text(in: language)) [\(f.key)]" }
            return LocalizedName(fr: "\(name.fr) à \(named(.fr)) (\(rule))", ar: "\(name.ar) في \(named(.ar)) (\(rule))",
                                 en: "\(name.text(in: .en)) at \(named(.en)) (\(rule))")
        case .notCovered:
            let rule = self.rule?.rawValue ?? "?"
            return LocalizedName(fr: "\(name.fr) (\(rule))", ar: "\(name.ar) (\(rule))", en: "\(name.text(in: .en)) (\(rule))")
        case .unavailable:
            return LocalizedName(fr: name.fr, ar: name.ar, en: name.text(in: .en))
        }
    }

    /// Why the pathway ends as it does, citing its rules, in French, Arabic and English (``reason``
    /// stays the English of scripts, with ids). Facilities are named as the steps name them, by their
    /// name in the language with the id in brackets (`Centre hospitalier régional Atlas [chr-atlas]`);
    /// service and tier names are the catalogue's and the rules digest's, in the Arabic of the source
    /// documents (سلسلة العلاجات for the chain, سلة العلاجات for the basket).
    public func explanation(in network: CareNetwork, service: ServiceDefinition) -> LocalizedName {
        let s = service.name
        func named(_ facility: Facility, _ language: Language) -> String { "\(facility.name.text(in: language)) [\(facility.key)]" }
        func tier(_ facility: Facility, _ language: Language) -> String { facility.tier.name.text(in: language) }
        switch outcome {
        case .treated(let at):
            let f = network[at]
            if rule == .p0 {
                return LocalizedName(fr: "urgence (P0) : \(named(f, .fr)) a un service d'urgences et fournit le service « \(s.fr) »",
                                     ar: "حالة مستعجلة (P0): \(named(f, .ar)) يتوفر على مصلحة للمستعجلات ويقدم خدمة «\(s.ar)»",
                                     en: "emergency (P0): \(named(f, .en)) has an emergency service and provides “\(s.text(in: .en))”")
            }
            let route = steps.filter { $0.action != .treatment }.map { "\($0.rule) \(network[$0.facility].key)" }.joined(separator: ", ")
            return LocalizedName(fr: "\(named(f, .fr)) (\(tier(f, .fr))) fournit le service « \(s.fr) » (P5) ; parcours : \(route)",
                                 ar: "\(named(f, .ar)) (\(tier(f, .ar))) يقدم خدمة «\(s.ar)» (P5)؛ المسار: \(route.replacingOccurrences(of: ", ", with: "، "))",
                                 en: "\(named(f, .en)) (\(tier(f, .en))) provides “\(s.text(in: .en))” (P5); pathway: \(route)")
        case .unavailable:
            guard !steps.isEmpty else {
                return LocalizedName(fr: "aucun hôpital public doté d'un service d'urgences dans le réseau (P0)",
                                     ar: "لا يوجد في الشبكة أي مستشفى عمومي به مصلحة للمستعجلات (P0)",
                                     en: "no public hospital with an emergency service in the network (P0)")
            }
            func tried(_ language: Language) -> String {
                steps.map { "\($0.rule) \(network[$0.facility].key) (\(tier(network[$0.facility], language)))" }
                    .joined(separator: language == .ar ? "، " : ", ")
            }
            let top = steps.last.map { network[$0.facility] }
            let atCHU = top?.tier == .universityHospital
            func end(_ language: Language) -> String { top.map { named($0, language) } ?? "?" }
            return LocalizedName(
                fr: "aucun établissement de la chaîne ne fournit le service « \(s.fr) » : essayé \(tried(.fr)) ; " + (atCHU ? "la chaîne s'arrête au CHU" : "la chaîne s'arrête à \(end(.fr))"),
                ar: "لا تقدم أي مؤسسة في سلسلة العلاجات خدمة «\(s.ar)»: جرى المرور على \(tried(.ar))؛ " + (atCHU ? "تنتهي السلسلة عند المستشفى الجامعي" : "تنتهي السلسلة عند \(end(.ar))"),
                en: "no facility on the chain provides “\(s.text(in: .en))”: tried \(tried(.en)); " + (atCHU ? "the chain ends at the CHU" : "the chain ends at \(end(.en))"))
        case .notCovered:
            switch rule {
            case .x1:
                return LocalizedName(fr: "non couvert : le service « \(s.fr) » est exclu du panier de soins (X1)",
                                     ar: "غير مغطى: خدمة «\(s.ar)» مستثناة من سلة العلاجات (X1)",
                                     en: "not covered: “\(s.text(in: .en))” is excluded from the basket of care (X1)")
            case .x2:
                return LocalizedName(fr: "non couvert : les soins hors du Maroc ne sont pas couverts (X2)",
                                     ar: "غير مغطى: العلاجات خارج المغرب غير مشمولة (X2)", en: "not covered: care outside Morocco is never covered (X2)")
            case .x3:
                return LocalizedName(fr: "non couvert : les soins ne sont couverts que dans les établissements publics (X3)",
                                     ar: "غير مغطى: التكفل يتم حصريا داخل مرافق الصحة العمومية (X3)", en: "not covered: care is covered in public facilities only (X3)")
            case .c2:
                return LocalizedName(fr: "non couvert : la carte n'est pas valide ce jour-là (expirée, ou cotisation annuelle non payée) (C2)",
                                     ar: "غير مغطى: البطاقة غير صالحة في هذا اليوم (انتهت صلاحيتها أو لم تؤد المساهمة السنوية) (C2)", en: reason)
            case .c5:
                return LocalizedName(fr: "non couvert : le récépissé de dépôt ne donne droit qu'aux soins d'urgence, pendant 3 mois (C5)",
                                     ar: "غير مغطى: وصل الإيداع لا يخول إلا العلاجات المستعجلة لمدة 3 أشهر (C5)", en: reason)
            case .c6:
                return LocalizedName(fr: "non couvert : le nouveau-né est couvert sur la carte du ménage tant qu'elle est valide (C6)",
                                     ar: "غير مغطى: يستفيد المولود الجديد من بطاقة الأسرة ما دامت صالحة (C6)", en: reason)
            default:
                let rule = self.rule?.rawValue ?? "?"
                return LocalizedName(fr: "non couvert (\(rule))", ar: "غير مغطى (\(rule))", en: reason)
            }
        }
    }
}
