import CareNetwork

/// The report's own words in French and Arabic (service, tier and facility names come from the
/// network and the service catalogue). Arabic follows the source documents' wording where they have
/// one: سلسلة العلاجات for the referral chain, سلة العلاجات for the basket of care.
enum Words {
    private static func w(_ fr: String, _ ar: String) -> LocalizedName { LocalizedName(fr: fr, ar: ar) }

    static let minuteUnit = w("min", "دقيقة")
    static let hourUnit = w("h", "ساعة")
    static let dayUnit = w("j", "يوم")

    static let title = w("Rapport de simulation CarePath", "تقرير محاكاة CarePath")
    static let comparisonTitle = w("Comparaison de deux simulations CarePath", "مقارنة بين محاكاتين CarePath")
    static let subtitle = w("Charge de référence du réseau public de soins (RAMED)", "ضغط الإحالة على شبكة العلاجات العمومية (راميد)")
    static let contents = w("Sommaire", "المحتويات")

    // What was run.
    static let run = w("Ce qui a été simulé", "ما تمت محاكاته")
    static let network = w("Réseau", "الشبكة")
    static let networkDigest = w("Empreinte du réseau", "بصمة ملف الشبكة")
    static let scenario = w("Scénario", "السيناريو")
    static let scenarioDigest = w("Empreinte du scénario", "بصمة ملف السيناريو")
    static let noScenario = w("aucun (le réseau tel quel)", "لا يوجد (الشبكة كما هي)")
    static let horizon = w("Durée simulée", "المدة المحاكاة")
    static func horizonText(_ days: String, _ warmup: String, _ measured: String) -> LocalizedName {
        w("\(days) jours, dont \(warmup) de mise en régime exclus des statistiques (\(measured) jours mesurés)",
          "\(days) يوما، منها \(warmup) أيام إحماء مستبعدة من الإحصاءات (\(measured) يوما مقيسة)")
    }
    static let replications = w("Réplications", "عدد التكرارات")
    static let seed = w("Graine aléatoire", "البذرة العشوائية")
    static let version = w("Version de CarePath", "إصدار CarePath")
    static let generator = w("Tirages aléatoires", "السحب العشوائي")

    // Accounting.
    static let accounting = w("Bilan des patients", "حصيلة المرضى")
    static let accountingNote = w(
        "Tous les patients de toute la durée simulée, mise en régime comprise. Par réplication : la moyenne d'une simulation ; par jour : par réplication et par jour simulé.",
        "جميع المرضى طوال المدة المحاكاة بما فيها فترة الإحماء. لكل تكرار: متوسط محاكاة واحدة؛ في اليوم: لكل تكرار ولكل يوم محاكى.")
    static let patients = w("Patients", "المرضى")
    static let allReplications = w("Toutes réplications", "كل التكرارات")
    static let perReplication = w("Par réplication", "لكل تكرار")
    static let perDay = w("Par jour", "في اليوم")
    static let arrived = w("Arrivés", "الوافدون")
    static let completed = w("Soins terminés", "أنهوا العلاج")
    static let inSystem = w("Encore en cours à la fin", "ما زالوا في النظام عند النهاية")
    static let notCovered = w("Non couverts (X1-X3)", "غير مشمولين بالتغطية (X1-X3)")
    static let unavailable = w("Soin indisponible sur la chaîne", "العلاج غير متوفر في سلسلة العلاجات")
    static let turnedAway = w("Refoulés (file d'attente pleine)", "مرفوضون (صف الانتظار ممتلئ)")
    static let balanced = w("Bilan équilibré : arrivés = soins terminés + en cours + non couverts + indisponibles + refoulés.",
                            "الحصيلة متوازنة: الوافدون = من أنهوا العلاج + من ما زالوا في النظام + غير المشمولين + غير المتوفر لهم العلاج + المرفوضون.")
    static let notBalanced = w("BILAN NON ÉQUILIBRÉ : des patients manquent au compte (signalez-le).",
                               "الحصيلة غير متوازنة: بعض المرضى غير محسوبين (يرجى الإبلاغ عن ذلك).")

    // Census.
    static let census = w("Patients dans le système en fin de journée", "المرضى في النظام عند نهاية كل يوم")
    static let censusCaption = w(
        "Patients en attente ou en soins à la fin de chaque jour, moyenne des réplications et son intervalle de confiance à 95 % (bande). La zone grise est la mise en régime, exclue des statistiques.",
        "المرضى المنتظرون أو قيد العلاج في نهاية كل يوم، متوسط التكرارات ومجال الثقة 95% (الشريط). المنطقة الرمادية هي فترة الإحماء المستبعدة من الإحصاءات.")
    static let warmUp = w("mise en régime", "فترة الإحماء")
    static let day = w("jour", "اليوم")
    static let steady = w("Niveau stable sur les jours mesurés : le régime permanent est atteint.", "مستوى مستقر خلال الأيام المقيسة: بلغ النظام حالته المستقرة.")
    static let warmUpTooShort = w(
        "La mise en régime semble trop courte : le système se remplissait encore au début des mesures, puis s'est stabilisé. Allongez --warmup.",
        "تبدو فترة الإحماء قصيرة جدا: كان النظام لا يزال يمتلئ عند بداية القياس ثم استقر. أطل --warmup.")
    static let stillRising = w(
        "Pas de régime permanent : le nombre de patients a continué de croître. La demande dépasse la capacité quelque part (voir les postes saturés) et les attentes croissent avec la durée simulée.",
        "لا توجد حالة مستقرة: استمر عدد المرضى في الارتفاع. الطلب يتجاوز الطاقة في مكان ما (انظر نقاط الخدمة المشبعة) والانتظار يطول مع طول المدة المحاكاة.")
    static let tooSmallToJudge = w("Trop peu de patients ou de jours pour juger la mise en régime.", "عدد المرضى أو الأيام قليل جدا للحكم على فترة الإحماء.")
    static func censusFigures(_ atEnd: String, _ mean: String) -> LocalizedName {
        w("\(atEnd) à la fin de la mise en régime, \(mean) en moyenne sur les jours mesurés.",
          "\(atEnd) عند نهاية فترة الإحماء، و\(mean) في المتوسط خلال الأيام المقيسة.")
    }

    // Regions and tiers.
    static let byRegion = w("Par région", "حسب الجهة")
    static let byTier = w("Par type d'établissement", "حسب نوع المؤسسة")
    static let groupNote = w(
        "Patients par jour : arrivées aux postes par jour mesuré, moyenne des réplications (un patient vu à deux postes compte deux fois). Occupation : temps occupé des serveurs et lits sur leur temps disponible, avec son intervalle de confiance à 95 % sur les réplications. Attente moyenne : par patient servi. p90 : celui du poste où il est le plus long. Saturés : occupés 99 % du temps ou plus.",
        "المرضى في اليوم: الوافدون على نقاط الخدمة في كل يوم مقيس، متوسط التكرارات (المريض الذي يمر بنقطتين يحسب مرتين). الانشغال: وقت انشغال الموارد والأسرّة من وقتها المتاح، مع مجال الثقة 95% عبر التكرارات. متوسط الانتظار: لكل مريض تمت خدمته. p90: لنقطة الخدمة التي يكون فيها الأطول. المشبعة: منشغلة 99% من الوقت أو أكثر.")
    static let region = w("Région", "الجهة")
    static let tier = w("Type d'établissement", "نوع المؤسسة")
    static let facilities = w("Établissements", "المؤسسات")
    static let stations = w("Postes", "نقاط الخدمة")
    static let patientsPerDay = w("Patients par jour", "المرضى في اليوم")
    static let utilisation = w("Occupation (IC 95 %)", "الانشغال (مجال الثقة 95%)")
    static let meanWait = w("Attente moyenne", "متوسط الانتظار")
    static let p90 = w("p90 le plus long", "أطول p90")
    static let overloaded = w("Postes saturés", "نقاط الخدمة المشبعة")
    static let outsideMorocco = w("hors Maroc", "خارج المغرب")
    static let total = w("Ensemble", "المجموع")

    // Charts.
    static let distribution = w("Répartition des postes par taux d'occupation", "توزيع نقاط الخدمة حسب نسبة الانشغال")
    static let distributionCaption = w(
        "Pour chaque type d'établissement, la part de ses postes dans chaque tranche d'occupation (les couleurs de carepath render load) ; le nombre de postes est écrit dans chaque tranche assez large.",
        "لكل نوع من المؤسسات، حصة نقاط خدمته في كل شريحة انشغال (ألوان carepath render load)؛ عدد نقاط الخدمة مكتوب داخل كل شريحة عريضة بما يكفي.")
    static let stationsUnit = w("postes", "نقطة خدمة")
    static let longestWaits = w("Attentes les plus longues", "أطول فترات الانتظار")
    static let longestWaitsCaption = w(
        "Attente moyenne avant le service aux postes où elle est la plus longue, avec son intervalle de confiance à 95 % (trait).",
        "متوسط الانتظار قبل الخدمة في نقاط الخدمة التي يكون فيها الأطول، مع مجال الثقة 95% (الخط).")
    static let byHour = w("Attentes selon l'heure d'arrivée", "الانتظار حسب ساعة الوصول")
    static func byHourCaption(_ tier: LocalizedName) -> LocalizedName {
        LocalizedName(fr: "Attente moyenne des patients de « \(tier.fr) » selon l'heure de leur arrivée au poste, tous postes de ce type ensemble.",
                      ar: "متوسط انتظار مرضى «\(tier.ar)» حسب ساعة وصولهم إلى نقطة الخدمة، لجميع نقاط هذا النوع معاً.")
    }
    static let byHourTable = w("Par heure d'arrivée et type d'établissement : arrivées par jour · attente moyenne ; patients dans le système au début de l'heure, moyenne des jours mesurés.",
                               "حسب ساعة الوصول ونوع المؤسسة: الوصول في اليوم · متوسط الانتظار؛ المرضى في المنظومة عند بداية الساعة، متوسط الأيام المقيسة.")
    static let inSystemAtHour = w("Dans le système à l'heure (moyenne)", "في المنظومة عند بداية الساعة (المتوسط)")
    static let hour = w("Heure", "الساعة")
    static let noHours = w("Ce résultat n'a pas d'horaires d'ouverture ni de profils d'arrivée.", "لا تتضمن هذه النتيجة مواقيت عمل ولا أنماط وصول.")
    static let flows = w("Flux de référence entre niveaux de la chaîne", "تدفقات الإحالة بين مستويات سلسلة العلاجات")
    static let flowsCaption = w("Patients référés par jour mesuré d'un type d'établissement à un autre, moyenne des réplications.",
                                "المرضى المحالون في كل يوم مقيس من نوع مؤسسة إلى آخر، متوسط التكرارات.")

    // Pictures.
    static let pictures = w("La charge sur le réseau", "الضغط على الشبكة")
    static let picturesNote = w(
        "Chaque établissement coloré par l'occupation de son poste le plus chargé (les couleurs ci-dessus), les liens d'autant plus épais que les patients qui les suivent sont nombreux ; les centres de santé regroupés par province au-delà de 96. Le pays, puis chaque région (carepath render load).",
        "كل مؤسسة ملونة حسب انشغال أكثر نقاط خدمتها ضغطا (نفس الألوان أعلاه)، والروابط أسمك كلما كثر المرضى الذين يسلكونها؛ وتجمع المراكز الصحية حسب الإقليم إذا تجاوزت 96. البلد ثم كل جهة (carepath render load).")
    static let picturesComparisonNote = w(
        "Chaque image deux fois, aux mêmes couleurs : la référence, puis la variante ; le pays, puis chaque région où la comparaison trouve un poste d'une seule des deux simulations (fermé ou ouvert) ou un changement significatif (carepath render load).",
        "كل صورة مرتين بنفس الألوان: المرجع ثم البديل؛ البلد ثم كل جهة وجدت فيها المقارنة نقطة خدمة في إحدى المحاكاتين فقط (مغلقة أو مفتوحة) أو تغيرا دالا (carepath render load).")
    static let noPicture = w("Rien à dessiner ici dans cette simulation.", "لا شيء يرسم هنا في هذه المحاكاة.")

    // Stations.
    static let busiest = w("Postes les plus occupés", "نقاط الخدمة الأكثر انشغالا")
    static let facility = w("Établissement", "المؤسسة")
    static let service = w("Service", "الخدمة")
    static let capacity = w("Serveurs ou lits", "الموارد أو الأسرّة")
    static let occupancy = w("Occupation", "الانشغال")
    static let longestQueue = w("File la plus longue", "أطول صف انتظار")
    static let beds = w("lits", "أسرّة")
    static let servers = w("serveurs", "موارد")
    static let overloadedNote = w(
        "Occupés 99 % du temps ou plus : la demande y dépasse la capacité, la file s'allonge tant que dure la simulation, et leurs attentes mesurent la durée simulée plutôt qu'un régime permanent.",
        "منشغلة 99% من الوقت أو أكثر: الطلب فيها يتجاوز الطاقة، وصف الانتظار يطول ما دامت المحاكاة، وانتظارها يقيس طول المدة المحاكاة لا حالة مستقرة.")
    static let noOverloaded = w("Aucun poste saturé.", "لا توجد نقطة خدمة مشبعة.")
    static func andMore(_ count: String) -> LocalizedName { w("… et \(count) autres.", "… و\(count) أخرى.") }

    // Refused.
    static let refused = w("Non couverts ou indisponibles, par service", "غير المشمولين أو غير المتوفر لهم العلاج، حسب الخدمة")
    static let refusedNone = w("Aucun.", "لا أحد.")
    static let outcome = w("Motif", "السبب")
    static let notCoveredOutcome = w("non couvert (X1-X3)", "غير مشمول بالتغطية (X1-X3)")
    static let unavailableOutcome = w("aucun établissement de la chaîne ne le fournit", "لا تقدمه أي مؤسسة في سلسلة العلاجات")

    // Comparison.
    static let comparison = w("Ce qui a changé", "ما الذي تغير")
    static let baseline = w("Référence", "المرجع")
    static let variant = w("Variante", "البديل")
    static let settingsDiffer = w("Les deux simulations diffèrent par :", "تختلف المحاكاتان في:")
    static let sameSettings = w("Mêmes réglages (durée, mise en régime, graine, réplications, version).", "نفس الإعدادات (المدة، الإحماء، البذرة، التكرارات، الإصدار).")
    static let differentNetworks = w("Attention : les deux résultats viennent de réseaux différents (empreintes différentes) ; seuls les postes communs sont comparés.",
                                     "تنبيه: النتيجتان من شبكتين مختلفتين (بصمتان مختلفتان)؛ لا تقارن إلا نقاط الخدمة المشتركة.")
    static let pairedNote = w("* : l'intervalle à 95 % du changement, réplication par réplication (même graine), exclut 0 : le changement n'est pas dû au hasard.",
                              "* : مجال الثقة 95% للتغير، تكرارا بتكرار (نفس البذرة)، لا يشمل 0: التغير ليس وليد الصدفة.")
    static let unpairedNote = w("* : les intervalles à 95 % des deux simulations ne se recouvrent pas (elles diffèrent par la graine, les réplications ou la version, et ne sont donc pas appariées).",
                                "* : مجالا الثقة 95% للمحاكاتين لا يتداخلان (تختلفان في البذرة أو التكرارات أو الإصدار، فلا تقارنان تكرارا بتكرار).")
    static let noIntervals = w("Une seule réplication dans une simulation : pas d'intervalle de confiance, aucun changement n'est jugé significatif (utilisez --replications 2 ou plus).",
                               "تكرار واحد في إحدى المحاكاتين: لا يوجد مجال ثقة، فلا يعد أي تغير دالا (استعمل --replications 2 أو أكثر).")
    static let perDayNote = w("Les chiffres par jour sont comparables même quand les durées diffèrent.", "الأرقام اليومية قابلة للمقارنة حتى عندما تختلف المدد.")
    static let changedStations = w("Postes dont l'occupation a le plus changé", "نقاط الخدمة التي تغير انشغالها أكثر")
    static func changedCount(_ changed: String, _ common: String) -> LocalizedName {
        w("\(changed) des \(common) postes communs ont changé.", "تغيرت \(changed) من أصل \(common) نقطة خدمة مشتركة.")
    }
    static let closedStations = w("Postes de la référence seulement (fermés ou retirés)", "نقاط خدمة في المرجع فقط (مغلقة أو محذوفة)")
    static let openedStations = w("Postes de la variante seulement (ouverts ou ajoutés)", "نقاط خدمة في البديل فقط (مفتوحة أو مضافة)")
    static let movedArrivals = w("Établissements dont les arrivées par jour ont le plus changé", "المؤسسات التي تغير عدد الوافدين عليها يوميا أكثر")
    static let change = w("Changement", "التغير")
    static let regionChangeCaption = w("Occupation de chaque région dans la référence et la variante ; * marque un changement significatif.",
                                       "انشغال كل جهة في المرجع وفي البديل؛ * تدل على تغير دال.")

    static func footer(_ files: String) -> LocalizedName {
        w("Produit par carepath report à partir de \(files). Ce fichier ne charge rien d'extérieur : il se lit et s'imprime hors ligne.",
          "أنتجه carepath report انطلاقا من \(files). لا يحمّل هذا الملف أي شيء من الخارج: يقرأ ويطبع دون اتصال.")
    }
}
