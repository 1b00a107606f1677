// The service catalogue: the one place where service ids are mapped to the basket of care B1-B16 and
// its exclusion X1 (Docs/rules-reference.md). Network files, the rules, the router and the simulation
// all read services from here. Docs/network-format.md lists the same table for maintainers.

extension ServiceCatalog {
    /// The catalogue shipped with CarePath.
    public static let standard = ServiceCatalog(entries: [
        // B1: preventive care.
        ("vaccination", .visit, .b1, LocalizedName(fr: "Vaccination", ar: "التلقيح", en: "Vaccination")),
        ("pregnancy-follow-up", .visit, .b1, LocalizedName(fr: "Suivi de grossesse", ar: "تتبع الحمل", en: "Pregnancy follow-up")),
        ("child-health", .visit, .b1, LocalizedName(fr: "Santé de la mère et de l'enfant", ar: "صحة الأم والطفل", en: "Maternal and child health")),
        ("family-planning", .visit, .b1, LocalizedName(fr: "Planification familiale", ar: "تنظيم الأسرة", en: "Family planning")),
        // B2: general consultations in health centres.
        ("general-consultation", .visit, .b2, LocalizedName(fr: "Consultation de médecine générale", ar: "الاستشارة الطبية العامة", en: "General consultation")),
        // B3: specialist consultations.
        ("specialist-consultation", .visit, .b3, LocalizedName(fr: "Consultation spécialisée", ar: "الاستشارة الطبية المتخصصة", en: "Specialist consultation")),
        // A specialist consultation of its own, so that psychiatric hospitals offer only it and draw only
        // the patients who need it (P2 takes the nearest level-2 hospital that offers the service).
        ("psychiatry", .visit, .b3, LocalizedName(fr: "Psychiatrie", ar: "الطب النفسي", en: "Psychiatry")),
        // B4: emergency examination; medical and surgical hospitalisation, maternity included.
        ("emergency-care", .visit, .b4, LocalizedName(fr: "Urgences", ar: "فحوصات المستعجلات", en: "Emergency care")),
        ("medical-hospitalisation", .stay, .b4, LocalizedName(fr: "Hospitalisation médicale", ar: "الاستشفاء الطبي", en: "Medical hospitalisation")),
        ("surgical-hospitalisation", .stay, .b4, LocalizedName(fr: "Hospitalisation chirurgicale", ar: "الاستشفاء الجراحي", en: "Surgical hospitalisation")),
        ("maternity", .stay, .b4, LocalizedName(fr: "Maternité (accouchement)", ar: "الولادة", en: "Maternity")),
        ("intensive-care", .stay, .b4, LocalizedName(fr: "Réanimation", ar: "الإنعاش", en: "Intensive care")),
        ("oncology", .stay, .b4, LocalizedName(fr: "Oncologie", ar: "علاج الأورام", en: "Oncology")),
        ("cardiac-surgery", .stay, .b4, LocalizedName(fr: "Chirurgie cardiaque", ar: "جراحة القلب", en: "Cardiac surgery")),
        ("neurosurgery", .stay, .b4, LocalizedName(fr: "Neurochirurgie", ar: "جراحة الأعصاب", en: "Neurosurgery")),
        // B5: reconstructive surgery that requires medical intervention.
        ("reconstructive-surgery", .stay, .b5, LocalizedName(fr: "Chirurgie réparatrice orthopédique et maxillo-faciale", ar: "الجراحة الترميمية", en: "Reconstructive surgery")),
        // B6: biology, radiology and medical imaging.
        ("laboratory-tests", .visit, .b6, LocalizedName(fr: "Analyses biologiques", ar: "التحاليل البيولوجية", en: "Laboratory tests")),
        ("radiology", .visit, .b6, LocalizedName(fr: "Radiologie", ar: "الفحص بالأشعة", en: "Radiology")),
        ("medical-imaging", .visit, .b6, LocalizedName(fr: "Imagerie médicale", ar: "التصوير الطبي", en: "Medical imaging")),
        // B7: functional explorations.
        ("functional-explorations", .visit, .b7, LocalizedName(fr: "Explorations fonctionnelles", ar: "الاستكشافات الوظيفية", en: "Functional explorations")),
        // B8-B11: drugs, blood, devices, implants (the Arabic is the source's wording). B8 and B10 are
        // given with the care of the facility that treats (ServiceDefinition.isGivenWithCare).
        ("prescribed-drugs", .visit, .b8, LocalizedName(fr: "Médicaments et produits pharmaceutiques prescrits", ar: "العقاقير والمستحضرات الصيدلانية الموصوفة", en: "Prescribed drugs and pharmaceutical products")),
        ("blood-products", .visit, .b9, LocalizedName(fr: "Poches de sang humain et dérivés", ar: "جيوب الدم البشري ومشتقاته", en: "Human blood products")),
        ("medical-devices", .visit, .b10, LocalizedName(fr: "Dispositifs et équipements médicaux", ar: "الأجهزة والمعدات الطبية", en: "Medical devices and equipment")),
        ("implants-and-appliances", .visit, .b11, LocalizedName(fr: "Implants et appareils orthopédiques", ar: "الدعامات والأجهزة التقويمية", en: "Implants and orthopaedic appliances")),
        // B12-B16.
        ("eyeglasses", .visit, .b12, LocalizedName(fr: "Lunettes", ar: "النظارات الطبية", en: "Eyeglasses")),
        ("dental-care", .visit, .b13, LocalizedName(fr: "Soins dentaires", ar: "علاجات الفم والأسنان", en: "Dental care")),
        ("child-orthodontics", .visit, .b14, LocalizedName(fr: "Orthodontie de l'enfant", ar: "تقويم الفكين والأسنان للأطفال", en: "Orthodontics for children")),
        ("rehabilitation", .visit, .b15, LocalizedName(fr: "Rééducation fonctionnelle et motrice", ar: "الترويض الطبي", en: "Rehabilitation")),
        ("medical-evacuation", .visit, .b16, LocalizedName(fr: "Évacuation sanitaire", ar: "الإجلاء الطبي", en: "Medical evacuation")),
        // X1: never covered.
        ("cosmetic-surgery", .stay, .x1, LocalizedName(fr: "Chirurgie esthétique", ar: "جراحة التجميل", en: "Cosmetic surgery")),
    ])
}
