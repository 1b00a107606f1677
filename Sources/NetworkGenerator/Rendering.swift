import Foundation

extension NetworkGenerator {
    /// The file: the template with its slots filled.
    func render(hospitals: [GeneratedFacility], centres: [GeneratedFacility], sections: [(index: Int, comment: String)],
                profiles: Profiles, report: Report) throws(GeneratorError) -> String {
        var slots: [String: [String]] = [:]
        slots["regions"] = regionLines()
        slots["provinces"] = try provinceLines()
        for tier in ["university-hospital", "regional-hospital", "provincial-hospital", "local-hospital", "specialised-hospital"] {
            slots[tier] = hospitals.filter { $0.tier == tier }.map { line($0, profiles: profiles) }
        }
        var centreLines: [String] = []
        var next = 0
        for (i, centre) in centres.enumerated() {
            while next < sections.count, sections[next].index == i { centreLines.append(sections[next].comment); next += 1 }
            centreLines.append(line(centre, profiles: profiles))
        }
        slots["health-centre"] = centreLines
        let figures: [String: String] = [
            "health-centres": String(report.urbanCentres + report.ruralCentres), "csu": String(report.urbanCentres),
            "csr": String(report.ruralCentres), "rural-per-commune": String(report.ruralPerCommune),
            "urban-total": String(report.urbanInhabitants), "explicit-referrals": String(report.explicitReferrals),
            "highest-utilisation": String(format: "%.4f", report.highestUtilisation), "beds": String(report.beds),
            "highest-in-busiest-month": String(format: "%.4f", report.highestInBusiestMonth),
            "raised": String(report.raisedCapacities),
            "national-population": Text.grouped(report.population),
        ]
        var out: [String] = []
        for rawLine in tables.template.split(separator: "\n", omittingEmptySubsequences: false) {
            var text = String(rawLine)
            if text.hasPrefix("{{"), text.hasSuffix("}}") {
                let name = String(text.dropFirst(2).dropLast(2))
                guard let lines = slots[name] else { throw .source("morocco.template.yaml", "unknown slot {{\(name)}}") }
                out.append(contentsOf: lines)
                continue
            }
            while let open = text.range(of: "{{"), let close = text.range(of: "}}", range: open.upperBound..<text.endIndex) {
                let name = String(text[open.upperBound..<close.lowerBound])
                guard let value = figures[name] else { throw .source("morocco.template.yaml", "unknown figure {{\(name)}}") }
                text.replaceSubrange(open.lowerBound..<close.upperBound, with: value)
            }
            out.append(text)
        }
        return out.joined(separator: "\n")
    }

    func regionLines() -> [String] {
        var out: [String] = []
        for region in tables.regions {
            let id = Synthesis.regionID(region)
            let chu = tables.regionCHU[id]
            if let note = chu?.note, !note.isEmpty { out.append("  # " + note) }
            let ar = region.nameAr.replacingOccurrences(of: " - ", with: "-")
            let code = region.code < 10 ? "0\(region.code)" : "\(region.code)"
            out.append("  - {id: \(id), name: {fr: \(Text.scalar(region.nameFr)), ar: \(Text.scalar(ar))}, code: \"\(code)\", population: \(region.population)"
                       + (chu.map { ", chu: \($0.chu)" } ?? "") + "}")
        }
        return out
    }

    func provinceLines() throws(GeneratorError) -> [String] {
        var out: [String] = []
        let plans = try Synthesis.plans(tables)
        var lastRegion = -1
        for plan in plans {
            if plan.row.regionCode != lastRegion {
                lastRegion = plan.row.regionCode
                let region = tables.regions.first { $0.code == lastRegion }!
                let code = region.code < 10 ? "0\(region.code)" : "\(region.code)"
                out.append("  # \(region.nameFr) (\(code)): \(region.population) inhabitants")
            }
            let seat = plan.seat
            // P3 and P4 targets of its own (province-chains.csv), with the note that gives the reason.
            let referral = tables.provinceChains[plan.id]
            if let note = referral?.note, !note.isEmpty { out.append("  # " + note) }
            var targets = ""
            if let regional = referral?.regionalHospital, !regional.isEmpty { targets += ", regional-hospital: \(regional)" }
            if let chu = referral?.chu, !chu.isEmpty { targets += ", chu: \(chu)" }
            out.append("  - {id: \(plan.id), region: \(plan.regionID), name: {fr: \(Text.scalar(plan.row.nameFr)), ar: \(Text.scalar(plan.row.nameAr))}, code: \"\(plan.row.code)\", population: \(plan.row.population), seat: {lat: \(Text.coordinate(seat.lat)), lon: \(Text.coordinate(seat.lon))}\(targets)}  # \(plan.row.type) \(seat.town)" + (seat.uncertain ? " (seat uncertain)" : ""))
        }
        return out
    }

    /// One facility as one flow-mapping line.
    func line(_ f: GeneratedFacility, profiles: Profiles) -> String {
        var parts = ["id: \(f.id)", "name: {fr: \(Text.scalar(f.nameFr)), ar: \(Text.scalar(f.nameAr))}", "tier: \(f.tier)",
                     "region: \(f.region)", "province: \(f.province)",
                     "location: {lat: \(Text.coordinate(f.lat)), lon: \(Text.coordinate(f.lon))}"]
        if let catchment = f.catchment { parts.append("catchment: \(catchment)") }
        if !f.profile.isEmpty { parts.append("profile: \(f.profile)") }
        if let services = profiles.override(profile: f.profile, services: f.services) { parts.append("services: \(services)") }
        if let target = f.refersTo { parts.append("refers-to: \(target)") }
        if f.emergency { parts.append("emergency: true") }
        if f.synthesised { parts.append("synthesised: true") }
        if let source = f.source, !source.isEmpty { parts.append("source: \(Text.scalar(source))") }
        return "  - {" + parts.joined(separator: ", ") + "}"
    }
}
