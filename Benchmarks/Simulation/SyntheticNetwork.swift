import Foundation

/// The fixed synthetic tiered network of the simulation benchmark, as network-file text: `regions`
/// regions of `provinces` provinces each; every province has a provincial hospital and `centres`
/// health centres of 20,000 people (urban and rural alternately); every region a regional hospital;
/// the first region a CHU, to which the others refer under P4 (`chu:`). Capacities and demand are
/// those of `Networks/training-small.yaml` (its `profiles:` and `demand:` sections), so the network is
/// a scaled-up teaching network: every tier is loaded, nothing is overloaded (the busiest station, a
/// regional maternity, runs at about 85%).
enum SyntheticNetwork {
    static func yaml(training: String, regions: Int = 4, provinces: Int = 5, centres: Int = 25) -> String {
        func section(_ key: String, until next: String?) -> String {
            let start = training.range(of: "\n\(key):")!.lowerBound
            let end = next.flatMap { training.range(of: "\n\($0):", range: start..<training.endIndex)?.lowerBound } ?? training.endIndex
            return String(training[start..<end])
        }
        var text = "schema: carepath-network/1\nname: {fr: Réseau synthétique, ar: شبكة اصطناعية}\n"
        text += "regions:\n"
        for r in 0..<regions {
            text += "  - {id: region-\(r), name: {fr: Région \(r), ar: جهة \(r)}, population: \(provinces * centres * 20_000)\(r == 0 ? "" : ", chu: chu-0")}\n"
        }
        text += "provinces:\n"
        for r in 0..<regions {
            for p in 0..<provinces {
                text += "  - {id: province-\(r)-\(p), region: region-\(r), name: {fr: Province \(r)-\(p), ar: إقليم \(r)-\(p)}, population: \(centres * 20_000), seat: {lat: \(30 + Double(r)), lon: \(-8 + Double(p) * 0.3)}}\n"
            }
        }
        text += section("profiles", until: "facilities")
        text += "\nfacilities:\n"
        func facility(_ id: String, _ tier: String, _ r: Int, _ p: Int, lat: Double, lon: Double, profile: String, extra: String = "") -> String {
            "  - {id: \(id), name: {fr: \(id), ar: \(id)}, tier: \(tier), region: region-\(r), province: province-\(r)-\(p), location: {lat: \(lat), lon: \(lon)}, profile: \(profile)\(extra)}\n"
        }
        for r in 0..<regions {
            let lat = 30 + Double(r)
            if r == 0 { text += facility("chu-0", "university-hospital", 0, 0, lat: lat + 0.01, lon: -8.01, profile: "university-hospital", extra: ", emergency: true") }
            text += facility("chr-\(r)", "regional-hospital", r, 0, lat: lat + 0.02, lon: -7.99, profile: "regional-hospital", extra: ", emergency: true")
            for p in 0..<provinces {
                let lon = -8 + Double(p) * 0.3
                text += facility("chp-\(r)-\(p)", "provincial-hospital", r, p, lat: lat - 0.01, lon: lon + 0.01, profile: "provincial-hospital", extra: ", emergency: true")
                for c in 0..<centres {
                    let angle = Double(c) * 0.7
                    text += facility("cs-\(r)-\(p)-\(c)", "health-centre", r, p, lat: lat + 0.05 * cos(angle) * Double(c % 5 + 1) / 5,
                                     lon: lon + 0.05 * sin(angle) * Double(c % 5 + 1) / 5,
                                     profile: c % 2 == 0 ? "urban-centre" : "rural-centre", extra: ", catchment: 20000")
                }
            }
        }
        // One CHU serves four regions here: a tenth of the teaching network's cardiac surgery keeps
        // its 10 beds at about half load instead of overloaded.
        text += section("demand", until: nil).replacingOccurrences(of: "cardiac-surgery: {visits-per-person: 0.0002}", with: "cardiac-surgery: {visits-per-person: 0.00002}")
        return text
    }
}
