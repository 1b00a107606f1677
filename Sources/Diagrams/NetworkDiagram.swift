import CarePathSupport
import CareNetwork

/// What a network diagram shows.
public struct NetworkDiagramOptions: Hashable, Sendable {
    /// Only these regions (file ids); empty for all.
    public var regions: [String]
    /// Only these provinces (file ids); empty for all. Their regions are drawn around them.
    public var provinces: [String]
    /// Fold each province's health centres into one node with their count and population.
    public var collapseHealthCentres: Bool
    /// The language of the labels.
    public var language: LabelLanguages

    /// What to draw; by default the whole network, facility by facility, in French.
    public init(regions: [String] = [], provinces: [String] = [], collapseHealthCentres: Bool = false, language: LabelLanguages = .fr) {
        self.regions = regions
        self.provinces = provinces
        self.collapseHealthCentres = collapseHealthCentres
        self.language = language
    }
}

/// The public referral network as a graph: one box per region, facilities ranked by level (health
/// centres at the bottom, CHUs at the top, one rank per level), each facility linked to its next level
/// with the rule that makes the link (P2, P3, P4). Private (X3) and foreign (X2) facilities are never on
/// a RAMED pathway and are left out. A link that leaves the drawn area (a P4 link to another region's
/// CHU, or a province's own regional hospital or CHU in another region) ends at a grey node outside
/// the boxes.
public enum NetworkDiagram {
    /// Builds the diagram of `network`.
    /// - Throws: ``DiagramsError/unknownReference(kind:key:hint:)`` when a filter names no region or province.
    public static func graph(of network: CareNetwork, options: NetworkDiagramOptions = NetworkDiagramOptions()) throws(DiagramsError) -> DiagramGraph {
        let language = options.language
        let selection = try Selection(network: network, options: options)
        let isDrawn = selection.contains
        let folds = options.collapseHealthCentres || Self.foldsHealthCentres(selection, options)
        // Each facility's next level for the patients of its own province: where the province names its
        // own regional hospital or CHU (Ouarzazate's and Zagora's are Marrakech's), the link goes there.
        func nextLevel(_ id: FacilityID) -> FacilityID? { network.nextLevel(from: id, forPatientsOf: network[id].province) }

        let title = network.name.map { language.lines($0) } ?? []
        var graph = DiagramStyle.base(name: "network", title: title, rankdir: "BT")
        var drawn = Set<FacilityID>()
        var collapsed: [ProvinceID: (count: Int, population: Int, targets: [FacilityID: Int])] = [:]
        // Where each drawn health centre refers (P2), to box a region's many centres by hospital; the
        // boxes, and the box each boxed centre is in.
        var referralTarget: [String: String] = [:]
        var targetFacility: [String: FacilityID] = [:]
        var groups: [HealthCentreGroups.Group] = []
        var boxed: [String: String] = [:]
        // Rows make dot's layout superlinear in the centres drawn (about 0.5 s for Souss-Massa's 220,
        // 2.5 s for 550, 80 s for all 2,224): past the limit each region keeps one row.
        let wrapsRows = selection.healthCentres <= maxWrappedHealthCentres
        // Each region's box, for the grid that makes a picture of several regions fit a page.
        var blocks: [RegionGrid.Block] = []
        var tiles: [DiagramGrid.Tile] = []
        // When the regions are stacked in a grid, a link to another region's facility (a P4 to a
        // neighbour's CHU) ends at a faint copy of it inside the region's own box, so that no edge runs
        // through the boxes; the copy names the region. Each region's candidates, found as it is drawn.
        var crossing: [(region: String, level: Int, stub: DiagramNode, from: String)] = []
        var stubs: [String: String] = [:]

        for region in network.regions {
            var byLevel: [Int: [DiagramNode]] = [:]
            for id in network.facilities(in: region.id) {
                let facility = network[id]
                guard isDrawn(facility) else { continue }
                if folds, facility.tier == .healthCentre, let province = facility.province {
                    var entry = collapsed[province] ?? (0, 0, [:])
                    entry.count += 1
                    entry.population += facility.catchment
                    if let next = nextLevel(id) { entry.targets[next, default: 0] += 1 }
                    collapsed[province] = entry
                    continue
                }
                drawn.insert(id)
                if facility.tier == .healthCentre, let next = nextLevel(id) {
                    referralTarget[DiagramStyle.nodeID(facility)] = DiagramStyle.nodeID(network[next])
                    targetFacility[DiagramStyle.nodeID(network[next])] = next
                }
                byLevel[facility.tier.level, default: []].append(facilityNode(facility, language: language))
            }
            if folds {
                for province in network.provinces where province.region == region.id {
                    guard let entry = collapsed[province.id] else { continue }
                    let count = NumberFormat.grouped(entry.count)
                    let label = language.lines(fr: entry.count == 1 ? "1 centre de santé" : "\(count) centres de santé", ar: "عدد المراكز الصحية: \(count)",
                                                   en: entry.count == 1 ? "1 health centre" : "\(count) health centres")
                        + language.lines(province.name)
                        + language.lines(fr: "population \(NumberFormat.grouped(entry.population))", ar: "السكان \(NumberFormat.grouped(entry.population))",
                                                  en: "population \(NumberFormat.grouped(entry.population))")
                    var attributes = DiagramStyle.attributes(for: .healthCentre)
                    attributes["shape"] = "box"
                    attributes["style"] = "filled,rounded"
                    attributes["label"] = .lines(label)
                    byLevel[1, default: []].append(DiagramNode(id: collapsedID(province), attributes: attributes))
                }
            }
            guard !byLevel.isEmpty else { continue }
            for id in network.facilities(in: region.id) where drawn.contains(id) {
                guard let next = nextLevel(id), network[next].region != region.id else { continue }
                let target = network[next]
                crossing.append((region.key, target.tier.level, outsideNode(target, id: "to:\(region.key):\(target.key)", in: network, language: language),
                                 DiagramStyle.nodeID(network[id])))
            }
            let (ranks, stacked, boxes, stacking) = HealthCentreGroups.regionRanks(byLevel, region: region.key, target: referralTarget, boxesCentres: wrapsRows)
            for box in boxes { for member in box.members { boxed[member] = box.cluster.id } }
            graph.edges += stacking
            groups += boxes
            if let block = RegionGrid.block(ranks: stacked) { blocks.append(block) }
            tiles.append(RegionGrid.tile(region.key, of: network.facilities(in: region.id).filter { isDrawn(network[$0]) }, in: network))
            graph.clusters.append(DiagramCluster(
                id: region.key,
                attributes: ["label": .lines(language.lines(region.name)), "style": "rounded", "color": "#90a4ae", "fontname": .text(DiagramStyle.font)],
                subgraphs: ranks
            ))
        }

        let columns = RegionGrid.columns(blocks)
        if columns < blocks.count {
            // The renderer lays out each region on its own and places them as a map; the invisible
            // edges stack them for dot, for a reader of the DOT text.
            graph.grid = DiagramGrid(tiles: tiles, tileDirection: RegionGrid.tileDirection(language))
            graph.edges += RegionGrid.edges(blocks, columns: columns)
            for entry in crossing {
                RegionGrid.add(entry.stub, level: entry.level, toRegion: entry.region, in: &graph)
                stubs[entry.from] = entry.stub.id
            }
        }

        var outside: [FacilityID] = []
        func link(_ from: String, to target: FacilityID, label: String, box: String? = nil) {
            if !drawn.contains(target), !outside.contains(target), stubs[from] == nil { outside.append(target) }
            var attributes: DiagramAttributes = ["label": .text(label)]
            // A box's link leaves from its border.
            if let box { attributes["ltail"] = .text("cluster_" + box) }
            if network[target].tier == .universityHospital { attributes["color"] = "#ad1457" }
            graph.edges.append(DiagramEdge(from: from, to: stubs[from] ?? DiagramStyle.nodeID(network[target]), attributes: attributes))
        }
        for id in drawn.sorted() {
            guard let next = nextLevel(id), boxed[DiagramStyle.nodeID(network[id])] == nil else { continue }
            // P2-P4: each facility links to its next level; the rule is the one that brings a patient there.
            link(DiagramStyle.nodeID(network[id]), to: next, label: network[next].tier.arrivalRule.rawValue)
        }
        for box in groups {
            // P2 from every centre of the box.
            guard let target = targetFacility[box.target] else { continue }
            link(box.anchor, to: target, label: "\(RuleID.p2) ×\(box.members.count)", box: box.cluster.id)
        }
        if !groups.isEmpty { graph.attributes["compound"] = "true" }
        for province in collapsed.keys.sorted() {
            let entry = collapsed[province]!
            for target in entry.targets.keys.sorted() {
                // P2 from every folded health centre that refers to this hospital.
                link(collapsedID(network[province]), to: target, label: "\(RuleID.p2) ×\(entry.targets[target]!)")
            }
        }
        for id in outside {
            graph.nodes.append(outsideNode(network[id], id: DiagramStyle.nodeID(network[id]), in: network, language: language))
        }
        return graph
    }

    /// A facility outside the drawn area or region, faint and dashed, its region named.
    static func outsideNode(_ facility: Facility, id: String, in network: CareNetwork, language: LabelLanguages) -> DiagramNode {
        var node = facilityNode(facility, language: language)
        node.id = id
        let regionName = facility.region.map { language.line(network[$0].name) } ?? ""
        if case .lines(let lines)? = node.attributes["label"] { node.attributes["label"] = .lines(lines + ["(\(regionName))"]) }
        node.attributes["style"] = "filled,dashed"
        node.attributes["fillcolor"] = "#f5f5f5"
        node.attributes["fontcolor"] = "#616161"
        return node
    }

    /// How many health centres the diagram of `network` with `options` selects (drawn one by one, or
    /// folded into their province's node with ``NetworkDiagramOptions/collapseHealthCentres``).
    /// - Throws: ``DiagramsError/unknownReference(kind:key:hint:)`` when a filter names no region or province.
    public static func healthCentres(of network: CareNetwork, options: NetworkDiagramOptions) throws(DiagramsError) -> Int {
        try Selection(network: network, options: options).healthCentres
    }

    /// Whether the diagram of `network` with `options` folds the health centres by province: asked to
    /// (``NetworkDiagramOptions/collapseHealthCentres``), or a selection by region or province of more
    /// than ``maxHealthCentresDrawn``, whose centres one by one would not be legible on a page (past
    /// 24 in a region, each hospital's centres are a box of rows under it, one
    /// link from the box, so that no link runs through a row). The whole network unfiltered is drawn centre by centre, one row per region past
    /// ``maxWrappedHealthCentres``.
    /// - Throws: ``DiagramsError/unknownReference(kind:key:hint:)`` when a filter names no region or province.
    public static func foldsHealthCentres(of network: CareNetwork, options: NetworkDiagramOptions) throws(DiagramsError) -> Bool {
        if options.collapseHealthCentres { return true }
        return foldsHealthCentres(try Selection(network: network, options: options), options)
    }

    static func foldsHealthCentres(_ selection: Selection, _ options: NetworkDiagramOptions) -> Bool {
        (!options.regions.isEmpty || !options.provinces.isEmpty) && selection.healthCentres > maxHealthCentresDrawn
    }

    /// A selection by region or province draws its health centres one by one up to this many (dealt
    /// into boxes of rows under their hospitals past 24 in a region); past it they are folded by province.
    public static let maxHealthCentresDrawn = 96

    /// The facilities a diagram draws: public ones on the RAMED pathway, within the region and province filters.
    struct Selection {
        let regions: Set<RegionID>
        let provinces: Set<ProvinceID>
        /// The health centres selected.
        let healthCentres: Int

        init(network: CareNetwork, options: NetworkDiagramOptions) throws(DiagramsError) {
            var regions = Set<RegionID>()
            for key in options.regions {
                guard let region = network.region(key: key) else {
                    throw .unknownReference(kind: "region", key: key, hint: Suggestion.nearest(to: key, in: network.regions.map(\.key)))
                }
                regions.insert(region.id)
            }
            var provinces = Set<ProvinceID>()
            for key in options.provinces {
                guard let province = network.province(key: key) else {
                    throw .unknownReference(kind: "province", key: key, hint: Suggestion.nearest(to: key, in: network.provinces.map(\.key)))
                }
                provinces.insert(province.id)
            }
            self.regions = regions
            self.provinces = provinces
            healthCentres = network.facilities.reduce(0) { $0 + ($1.tier == .healthCentre && Self.contains($1, regions, provinces) ? 1 : 0) }
        }

        func contains(_ facility: Facility) -> Bool { Self.contains(facility, regions, provinces) }

        private static func contains(_ facility: Facility, _ regions: Set<RegionID>, _ provinces: Set<ProvinceID>) -> Bool {
            guard facility.isOnRAMEDPathway, let region = facility.region, let province = facility.province else { return false }
            return (regions.isEmpty || regions.contains(region)) && (provinces.isEmpty || provinces.contains(province))
        }
    }

    static func facilityNode(_ facility: Facility, language: LabelLanguages) -> DiagramNode {
        var attributes = DiagramStyle.attributes(for: facility.tier)
        attributes["label"] = .lines(language.lines(facility.name))
        attributes["tooltip"] = .text(facility.key)
        return DiagramNode(id: DiagramStyle.nodeID(facility), attributes: attributes)
    }

    static func collapsedID(_ province: Province) -> String { "hc:" + province.key }

    /// The most health centres a region's row holds; past it, each hospital's centres are boxed under
    /// it, in as many rows as rows of this many would take (`HealthCentreGroups`).
    static let maxHealthCentresPerRow = 24

    /// The most health centres a diagram draws one by one in boxes of rows; a larger drawing keeps one
    /// row per region (use ``NetworkDiagramOptions/collapseHealthCentres`` for the national network).
    public static let maxWrappedHealthCentres = 600
}
