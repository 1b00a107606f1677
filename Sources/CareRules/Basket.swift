import CareNetwork

/// The RAMED basket of care (سلة العلاجات): the 16 covered entries B1-B16 and the exclusions X1-X3,
/// as data, with the services of a ``ServiceCatalog`` under each.
public struct Basket: Sendable {
    /// B1-B16 then X1-X3, in rule order.
    public let entries: [BasketEntry]
    /// The catalogue the services come from.
    public let catalog: ServiceCatalog

    /// The basket over `catalog` (the standard catalogue by default).
    public init(catalog: ServiceCatalog = .standard) {
        self.catalog = catalog
        self.entries = Basket.names.map { rule, name in
            BasketEntry(
                rule: rule, kind: rule.isExclusion ? .exclusion : .covered, name: name,
                services: catalog.services(underRule: rule)
            )
        }
    }

    /// The basket over the standard catalogue.
    public static let standard = Basket()

    /// The entry of this rule, or nil (a rule that is no basket entry or exclusion).
    public func entry(rule: RuleID) -> BasketEntry? { entries.first { $0.rule == rule } }

    /// Whether `service` is covered, optionally at `facility`.
    ///
    /// X1 (an excluded service) is checked first, then where the care is given: X2 (a facility abroad)
    /// and X3 (a private facility) exclude every service. Otherwise the service's B entry covers it.
    /// Whether the facility actually offers the service is the router's question, not this one.
    public func coverage(service: ServiceDefinition, facility: Facility? = nil) -> Coverage {
        // X1: cosmetic surgery is never covered.
        if service.isExcluded {
            return Coverage(service: service, covered: false, rule: service.rule,
                            reason: "\(service.key) is excluded from the basket of care (\(service.rule))")
        }
        if let facility {
            // X2: care outside Morocco is never covered.
            if !facility.isInMorocco {
                return Coverage(service: service, covered: false, rule: .x2,
                                reason: "\(facility.key) is outside Morocco (\(facility.country)); care abroad is never covered (X2)")
            }
            // X3: only public facilities are on a RAMED pathway.
            if facility.sector != .public {
                return Coverage(service: service, covered: false, rule: .x3,
                                reason: "\(facility.key) is a private facility; RAMED covers care in public facilities only (X3)")
            }
        }
        let entry = entry(rule: service.rule)
        let place = facility.map { " at \($0.key)" } ?? ""
        return Coverage(service: service, covered: true, rule: service.rule,
                        reason: "\(service.key) is covered\(place) under \(service.rule) (\(entry?.name.en ?? service.rule.rawValue))")
    }

    /// The entries' names (Docs/rules-reference.md, the basket of covered care).
    static let names: [(RuleID, LocalizedName)] = [
        (.b1, LocalizedName(fr: "Soins préventifs : vaccination, suivi de grossesse, santé maternelle et infantile, planification familiale", ar: "الخدمات الوقائية: التلقيح، تتبع الحمل، صحة الأم والطفل، تنظيم الأسرة", en: "Preventive care: vaccination, pregnancy follow-up, maternal and child health, family planning")),
        (.b2, LocalizedName(fr: "Consultations de médecine générale dans les centres de santé", ar: "الاستشارات الطبية العامة بالمراكز الصحية", en: "General medical consultations in health centres")),
        (.b3, LocalizedName(fr: "Consultations spécialisées", ar: "الاستشارات الطبية المتخصصة", en: "Specialist consultations")),
        (.b4, LocalizedName(fr: "Examens d'urgence ; hospitalisation médicale et chirurgicale, y compris l'accouchement", ar: "فحوصات المستعجلات؛ الاستشفاء الطبي والجراحي بما فيه الولادة", en: "Emergency examination; medical and surgical hospitalisation, maternity stays included")),
        (.b5, LocalizedName(fr: "Chirurgie réparatrice orthopédique et maxillo-faciale nécessitant une intervention médicale", ar: "الجراحة الترميمية لتقويم العظام والوجه والفكين التي تستدعي تدخلا طبيا", en: "Orthopaedic and maxillofacial reconstructive surgery that requires medical intervention")),
        (.b6, LocalizedName(fr: "Analyses biologiques, radiologie et imagerie médicale", ar: "التحاليل البيولوجية والفحص بالأشعة والتصوير الطبي", en: "Biology tests, radiology and medical imaging")),
        (.b7, LocalizedName(fr: "Explorations fonctionnelles", ar: "الاستكشافات الوظيفية", en: "Functional explorations")),
        (.b8, LocalizedName(fr: "Médicaments et produits pharmaceutiques prescrits pendant les soins", ar: "العقاقير والمستحضرات الصيدلانية الموصوفة خلال مدة العلاج", en: "Drugs and pharmaceutical products prescribed during care")),
        (.b9, LocalizedName(fr: "Poches de sang humain et ses dérivés", ar: "جيوب الدم البشري ومشتقاته", en: "Human blood bags and derivatives")),
        (.b10, LocalizedName(fr: "Dispositifs médicaux et instruments nécessaires aux actes", ar: "الأجهزة والمعدات الطبية اللازمة للقيام بمختلف الإجراءات الطبية والجراحية", en: "Medical devices and equipment needed for procedures")),
        (.b11, LocalizedName(fr: "Implants artificiels et appareils orthopédiques", ar: "الدعامات الاصطناعية والأجهزة التقويمية", en: "Artificial implants and orthopaedic appliances")),
        (.b12, LocalizedName(fr: "Lunettes", ar: "النظارات الطبية", en: "Eyeglasses")),
        (.b13, LocalizedName(fr: "Soins dentaires", ar: "علاجات الفم والأسنان", en: "Dental care")),
        (.b14, LocalizedName(fr: "Orthodontie pour les enfants", ar: "تقويم الفكين والأسنان بالنسبة للأطفال", en: "Orthodontics for children")),
        (.b15, LocalizedName(fr: "Rééducation fonctionnelle et motrice", ar: "الترويض الطبي والعلاج الحركي", en: "Functional and motor rehabilitation")),
        (.b16, LocalizedName(fr: "Évacuation sanitaire", ar: "الإجلاء الطبي", en: "Medical evacuation")),
        (.x1, LocalizedName(fr: "Chirurgie esthétique : jamais couverte", ar: "جراحة التجميل: غير مشمولة", en: "Cosmetic (aesthetic) surgery: never covered")),
        (.x2, LocalizedName(fr: "Soins à l'étranger : jamais couverts", ar: "العلاج خارج المغرب: غير مشمول", en: "Care outside Morocco: never covered")),
        (.x3, LocalizedName(fr: "Établissements privés : jamais couverts", ar: "المؤسسات الصحية الخاصة: غير مشمولة", en: "Private facilities: never covered")),
    ]
}
