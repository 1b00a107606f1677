import CareNetwork

extension Pathway {
    /// How the pathway ends, in words, in French, Arabic and English: the outcome and the facility
    /// that treats (`pris en charge à chr-atlas (P5)`).
    public func outcomeText(in network: CareNetwork) -> LocalizedName {
        let name = outcome.kind.name
        switch outcome {
        case .treated(let at):
            let key = network[at].key, rule = (self.rule ?? .p5).rawValue
            return LocalizedName(fr: "\(name.fr) à \(key) (\(rule))", ar: "\(name.ar) في \(key) (\(rule))", en: "\(name.text(in: .en)) at \(key) (\(rule))")
        case .notCovered:
            let rule = self.rule?.rawValue ?? "?"
            return LocalizedName(fr: "\(name.fr) (\(rule))", ar: "\(name.ar) (\(rule))", en: "\(name.text(in: .en)) (\(rule))")
        case .unavailable:
            return LocalizedName(fr: name.fr, ar: name.ar, en: name.text(in: .en))
        }
    }

    /// Why the pathway ends as it does, citing its rules, in French, Arabic and English (``reason``
    /// is the English). Service and tier names are the catalogue's and the rules digest's, in the
    /// Arabic of the source documents (سلسلة العلاجات for the chain, سلة العلاجات for the basket).
    public func explanation(in network: CareNetwork, service: ServiceDefinition) -> LocalizedName {
        let s = service.name
        switch outcome {
        case .treated(let at):
            let f = network[at]
            if rule == .p0 {
                return LocalizedName(fr: "urgence (P0) : \(f.key) a un service d'urgences et fournit le service « \(s.fr) »",
                                     ar: "حالة مستعجلة (P0): \(f.key) يتوفر على مصلحة للمستعجلات ويقدم خدمة «\(s.ar)»",
                                     en: reason)
            }
            let route = steps.filter { $0.action != .treatment }.map { "\($0.rule) \(network[$0.facility].key)" }.joined(separator: ", ")
            return LocalizedName(fr: "\(f.key) (\(f.tier.name.fr)) fournit le service « \(s.fr) » (P5) ; parcours : \(route)",
                                 ar: "\(f.key) (\(f.tier.name.ar)) يقدم خدمة «\(s.ar)» (P5)؛ المسار: \(route.replacingOccurrences(of: ", ", with: "، "))",
                                 en: reason)
        case .unavailable:
            guard !steps.isEmpty else {
                return LocalizedName(fr: "aucun hôpital public doté d'un service d'urgences dans le réseau (P0)",
                                     ar: "لا يوجد في الشبكة أي مستشفى عمومي به مصلحة للمستعجلات (P0)", en: reason)
            }
            func tried(_ language: Language) -> String {
                steps.map { "\($0.rule) \(network[$0.facility].key) (\(network[$0.facility].tier.name.text(in: language)))" }
                    .joined(separator: language == .ar ? "، " : ", ")
            }
            let top = steps.last.map { network[$0.facility] }
            let atCHU = top?.tier == .universityHospital, topKey = top?.key ?? "?"
            return LocalizedName(
                fr: "aucun établissement de la chaîne ne fournit le service « \(s.fr) » : essayé \(tried(.fr)) ; " + (atCHU ? "la chaîne s'arrête au CHU" : "la chaîne s'arrête à \(topKey)"),
                ar: "لا تقدم أي مؤسسة في سلسلة العلاجات خدمة «\(s.ar)»: جرى المرور على \(tried(.ar))؛ " + (atCHU ? "تنتهي السلسلة عند المستشفى الجامعي" : "تنتهي السلسلة عند \(topKey)"),
                en: reason)
        case .notCovered:
            switch rule {
            case .x1:
                return LocalizedName(fr: "non couvert : le service « \(s.fr) » est exclu du panier de soins (X1)",
                                     ar: "غير مغطى: خدمة «\(s.ar)» مستثناة من سلة العلاجات (X1)", en: reason)
            case .x2:
                return LocalizedName(fr: "non couvert : les soins hors du Maroc ne sont pas couverts (X2)",
                                     ar: "غير مغطى: العلاجات خارج المغرب غير مشمولة (X2)", en: reason)
            case .x3:
                return LocalizedName(fr: "non couvert : les soins ne sont couverts que dans les établissements publics (X3)",
                                     ar: "غير مغطى: التكفل يتم حصريا داخل مرافق الصحة العمومية (X3)", en: reason)
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
