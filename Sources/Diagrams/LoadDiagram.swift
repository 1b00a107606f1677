import CarePathSupport
import CareNetwork

/// What the load diagram draws: per facility utilisation and per link flow, for example from a
/// simulation result.
public struct LoadDiagramInput: Hashable, Sendable {
    /// A referral link and how many patients follow it.
    public struct Flow: Hashable, Sendable {
        /// The facility the patients leave.
        public var from: FacilityID
        /// The facility they are referred to.
        public var to: FacilityID
        /// Patients per unit of time (the unit is the caller's: per day, per year...).
        public var patients: Double
        /// A flow of `patients` from one facility to another.
        public init(from: FacilityID, to: FacilityID, patients: Double) {
            self.from = from
            self.to = to
            self.patients = patients
        }
    }

    /// Busy share of each facility (0 idle, 1 saturated, above 1 overloaded).
    public var utilisation: [FacilityID: Double]
    /// The referral links drawn, with their flows.
    public var flows: [Flow]
    /// The unit of the flows, shown in the legend (`patients/day`).
    public var flowUnit: String
    /// A line added to the title.
    public var title: String?

    /// A load to draw: utilisation per facility and flows per link.
    public init(utilisation: [FacilityID: Double], flows: [Flow], flowUnit: String = "patients/day", title: String? = nil) {
        self.utilisation = utilisation
        self.flows = flows
        self.flowUnit = flowUnit
        self.title = title
    }
}

/// Facilities coloured by utilisation on a fixed scale (the same colour means the same load in every
/// diagram), links drawn wider the more patients follow them, and a legend.
///
/// Any number is drawn without a crash: a utilisation that is negative or not finite is grey with
/// `?`, one too large to print a percentage of (1e15 or more) red with `?`; a flow that is negative
/// or not finite is 1 wide with `?`. A flow within one level is not drawn (``draws(_:in:)``).
public enum LoadDiagram {
    /// The fixed colour scale: upper bound of each band (exclusive) and its colour; the last is open.
    public static let scale: [(upperBound: Double, colour: String, label: String)] = [
        (0.5, "#a5d6a7", "< 50 %"),
        (0.7, "#e6ee9c", "50-70 %"),
        (0.85, "#fff59d", "70-85 %"),
        (1.0, "#ffcc80", "85-100 %"),
        (.infinity, "#ef9a9a", "≥ 100 %"),
    ]

    /// A share as its label prints it, a whole percentage (`NumberFormat.percent`): the value the
    /// colour is chosen from, so that the colour and the printed figure never disagree at a band's edge.
    public static func printedShare(_ share: Double) -> Double {
        guard share.isFinite, abs(share) < 1e13 else { return share }
        return (share * 100).rounded() / 100
    }

    /// The legend's line for the links' width, the unit in the diagram's languages: the unit results
    /// record (`patients/day`) is translated, a hand-made file's own unit is written as it is.
    static func unitLegend(_ unit: String) -> LocalizedName {
        let known: [String: LocalizedName] = [
            "patients/day": LocalizedName(fr: "patients par jour", ar: "مريض في اليوم", en: "patients a day"),
        ]
        let name = known[unit] ?? LocalizedName(fr: unit, ar: unit, en: unit)
        return LocalizedName(fr: "épaisseur des liens : \(name.fr)", ar: "سمك الروابط: \(name.ar)", en: "link width: \(name.text(in: .en))")
    }

    /// The colour of a utilisation on ``scale``.
    public static func colour(for utilisation: Double) -> String {
        scale.first { utilisation < $0.upperBound }?.colour ?? scale[scale.count - 1].colour
    }

    /// The fill of a facility without a utilisation, or with one that is not a share (negative or
    /// not finite): drawn grey, labelled `?`.
    static let unknownColour = "#eeeeee"

    /// Whether the diagram draws `flow`: a flow joins facilities of two different levels (up the chain,
    /// as every referral, or down). A flow between two facilities of the same level is left out:
    /// they share a rank, and Graphviz 2.43 corrupts its memory laying out such edges across the
    /// region boxes (the process aborts), so `carepath render load` refuses it before drawing.
    public static func draws(_ flow: LoadDiagramInput.Flow, in network: CareNetwork) -> Bool {
        network[flow.from].tier.level != network[flow.to].tier.level
    }

    /// Builds the load diagram over `network`, every facility of the load.
    public static func graph(of load: LoadDiagramInput, in network: CareNetwork, language: LabelLanguages = .fr) -> DiagramGraph {
        // Without filters nothing can be unknown.
        (try? graph(of: load, in: network, options: NetworkDiagramOptions(language: language))) ?? DiagramGraph(name: "load")
    }

    /// A load selection draws its health centres one by one up to this many; past it they are folded
    /// into one node per province (as with ``NetworkDiagramOptions/collapseHealthCentres``): a
    /// region's hundreds of centres would not be legible on a page. Past
    /// 24 in a region, each hospital's centres are boxed under
    /// it, their flows summed into one link from the box.
    public static let maxHealthCentresDrawn = 96

    /// Whether `options` on `network` fold the health centres by province: asked to, or more than
    /// ``maxHealthCentresDrawn`` selected.
    /// - Throws: ``DiagramsError/unknownReference(kind:key:hint:)`` when a filter names no region or province.
    public static func foldsHealthCentres(of network: CareNetwork, options: NetworkDiagramOptions) throws(DiagramsError) -> Bool {
        if options.collapseHealthCentres { return true }
        return try NetworkDiagram.healthCentres(of: network, options: options) > maxHealthCentresDrawn
    }

    /// Builds the load diagram over `network` with the filters of `options`: only the regions and
    /// provinces it names (a flow to a facility outside them ends at a faint copy of it in the
    /// region's box), the health centres folded by province when ``foldsHealthCentres(of:options:)``
    /// (a province's node shows its busiest centre's utilisation, its flows summed), and several
    /// regions laid out as a grid that fits a page.
    /// - Throws: ``DiagramsError/unknownReference(kind:key:hint:)`` when a filter names no region or province.
    public static func graph(of load: LoadDiagramInput, in network: CareNetwork, options: NetworkDiagramOptions) throws(DiagramsError) -> DiagramGraph {
        let language = options.language
        let selection = try NetworkDiagram.Selection(network: network, options: options)
        let folds = try foldsHealthCentres(of: network, options: options)
        var title = language.lines(fr: "Charge du réseau", ar: "ضغط الشبكة", en: "Network load")
        if let extra = load.title { title.append(extra) }
        var graph = DiagramStyle.base(name: "load", title: title, rankdir: "BT")

        let flows = load.flows.filter { draws($0, in: network) }
        var shown = Set(load.utilisation.keys)
        for flow in flows { shown.insert(flow.from); shown.insert(flow.to) }
        let filtered = !options.regions.isEmpty || !options.provinces.isEmpty
        // A facility of the selection, or any facility of the load when nothing is filtered (a
        // facility outside Morocco included).
        func selected(_ id: FacilityID) -> Bool { !filtered || selection.contains(network[id]) }
        // The node each facility is drawn as: its own, or its province's folded node.
        func node(_ id: FacilityID) -> String {
            let facility = network[id]
            if folds, facility.tier == .healthCentre, let province = facility.province { return "hc:" + network.provinces[province.index].key }
            return DiagramStyle.nodeID(facility)
        }
        var folded: [ProvinceID: (count: Int, busiest: Double?)] = [:]
        // The box of a region's many health centres each boxed centre is in, and the node its flows leave from.
        var boxed: [String: (cluster: String, anchor: String)] = [:]
        // Where each drawn health centre refers (P2): its box.
        var referralTarget: [String: String] = [:]
        var blocks: [RegionGrid.Block] = []
        var tiles: [DiagramGrid.Tile] = []
        let regionsDrawn = network.regions.filter { region in network.facilities(in: region.id).contains { shown.contains($0) && selected($0) } }
        // A flow that leaves the selection, or its region's box when the regions are stacked in a grid,
        // ends at a faint copy of its target inside the box, named `to:REGION:KEY`.
        var stubs: [String: String] = [:]
        var crossing: [(region: String, level: Int, stub: DiagramNode, key: String)] = []
        func stubKey(_ from: FacilityID, _ to: FacilityID) -> String { node(from) + ">" + DiagramStyle.nodeID(network[to]) }

        for region in regionsDrawn {
            var byLevel: [Int: [DiagramNode]] = [:]
            for id in network.facilities(in: region.id) where shown.contains(id) && selected(id) {
                let facility = network[id]
                if folds, facility.tier == .healthCentre, let province = facility.province {
                    var entry = folded[province] ?? (0, nil)
                    entry.count += 1
                    if let share = load.utilisation[id], share.isFinite, share >= 0 { entry.busiest = max(entry.busiest ?? 0, share) }
                    folded[province] = entry
                    continue
                }
                var attributes = DiagramStyle.attributes(for: facility.tier)
                var label = language.lines(facility.name)
                if let share = load.utilisation[id] {
                    let isShare = share.isFinite && share >= 0
                    // The colour of the percentage printed: 69.6% prints 70 % and is coloured 70-85 %.
                    attributes["fillcolor"] = .text(isShare ? colour(for: printedShare(share)) : unknownColour)
                    label.append(isShare ? NumberFormat.percent(share) : "?")
                } else {
                    attributes["fillcolor"] = .text(unknownColour)
                }
                attributes["label"] = .lines(label)
                attributes["tooltip"] = .text(facility.key)
                if facility.tier == .healthCentre, let next = network.nextLevel(from: id) {
                    referralTarget[DiagramStyle.nodeID(facility)] = DiagramStyle.nodeID(network[next])
                }
                byLevel[facility.tier.level, default: []].append(DiagramNode(id: DiagramStyle.nodeID(facility), attributes: attributes))
            }
            for province in network.provinces where province.region == region.id {
                guard let entry = folded[province.id] else { continue }
                let count = NumberFormat.grouped(entry.count)
                var label = language.lines(fr: entry.count == 1 ? "1 centre de santé" : "\(count) centres de santé", ar: "عدد المراكز الصحية: \(count)",
                                           en: entry.count == 1 ? "1 health centre" : "\(count) health centres") + language.lines(province.name)
                var attributes = DiagramStyle.attributes(for: .healthCentre)
                attributes["shape"] = "box"
                attributes["style"] = "filled,rounded"
                if let busiest = entry.busiest {
                    let percent = NumberFormat.percent(busiest)
                    label += language.lines(fr: "le plus chargé : \(percent)", ar: "الأكثر ضغطا: \(percent)", en: "busiest: \(percent)")
                    attributes["fillcolor"] = .text(colour(for: printedShare(busiest)))
                } else {
                    attributes["fillcolor"] = .text(unknownColour)
                }
                attributes["label"] = .lines(label)
                byLevel[1, default: []].append(DiagramNode(id: "hc:" + province.key, attributes: attributes))
            }
            // Targets outside the selection: a faint copy inside the box; those of another region's box, if
            // the regions are stacked (below).
            for flow in flows where selected(flow.from) && network[flow.from].region == region.id {
                let target = network[flow.to]
                let stub = NetworkDiagram.outsideNode(target, id: "to:\(region.key):\(target.key)", in: network, language: language)
                if !selected(flow.to) {
                    if !byLevel[target.tier.level, default: []].contains(where: { $0.id == stub.id }) { byLevel[target.tier.level, default: []].append(stub) }
                    stubs[stubKey(flow.from, flow.to)] = stub.id
                } else if target.region != region.id {
                    crossing.append((region.key, target.tier.level, stub, stubKey(flow.from, flow.to)))
                }
            }
            guard !byLevel.isEmpty else { continue }
            // Many centres: each hospital's in a box of rows under it, their flows summed from the box
            // (as in the network diagram), so that no flow runs through a row.
            let (ranks, stacked, boxes, stacking) = HealthCentreGroups.regionRanks(byLevel, region: region.key, target: referralTarget)
            for box in boxes { for member in box.members { boxed[member] = (box.cluster.id, box.anchor) } }
            graph.edges += stacking
            if let block = RegionGrid.block(ranks: stacked) { blocks.append(block) }
            tiles.append(RegionGrid.tile(region.key, of: network.facilities(in: region.id).filter { shown.contains($0) && selected($0) }, in: network))
            graph.clusters.append(DiagramCluster(
                id: region.key,
                attributes: ["label": .lines(language.lines(region.name)), "style": "rounded", "color": "#90a4ae"],
                subgraphs: ranks
            ))
        }
        for id in shown.sorted() where network[id].region == nil && !filtered {
            graph.nodes.append(DiagramNode(id: DiagramStyle.nodeID(network[id]), attributes: ["label": .lines(language.lines(network[id].name))]))
        }
        let columns = RegionGrid.columns(blocks)
        if columns < blocks.count {
            // Each region laid out on its own and placed as a map, the legend below (see NetworkDiagram).
            graph.grid = DiagramGrid(tiles: tiles, footer: ["legend"], tileDirection: RegionGrid.tileDirection(language))
            graph.edges += RegionGrid.edges(blocks, columns: columns)
            for entry in crossing {
                RegionGrid.add(entry.stub, level: entry.level, toRegion: entry.region, in: &graph)
                stubs[entry.key] = entry.stub.id
            }
        }

        // Flows folded with their health centres are summed: one edge per drawn pair.
        var summed: [(from: String, to: String, patients: Double, box: String?)] = []
        var index: [String: Int] = [:]
        for flow in flows where selected(flow.from) || selected(flow.to) {
            // A flow into the selection from outside it is drawn from nothing: left out.
            guard selected(flow.from) else { continue }
            let box = boxed[node(flow.from)]
            let from = box?.anchor ?? node(flow.from), to = stubs[stubKey(flow.from, flow.to)] ?? node(flow.to)
            let key = from + ">" + to
            if let at = index[key] { summed[at].patients += flow.patients } else {
                index[key] = summed.count
                summed.append((from, to, flow.patients, box?.cluster))
            }
        }

        // Widths from 1 to 8 in proportion to the largest flow; a flow that is negative or not finite
        // (which `carepath render load` refuses before drawing) is drawn 1 wide and labelled `?`.
        func isCount(_ patients: Double) -> Bool { patients.isFinite && patients >= 0 }
        let largest = summed.map(\.patients).filter(isCount).max() ?? 0
        for flow in summed {
            let patients = isCount(flow.patients) ? flow.patients : 0
            // 7 × patients overflows past 2.5e307: divide first there.
            let width = largest > 0 ? 1 + (largest < 1e300 ? 7 * patients / largest : 7 * (patients / largest)) : 1
            let label = isCount(flow.patients) ? NumberFormat.oneDecimal(flow.patients) : "?"
            var attributes: DiagramAttributes = ["penwidth": .text(NumberFormat.oneDecimal(width)), "label": .text(label), "color": "#546e7a"]
            // A box's flows leave from its border.
            if let box = flow.box { attributes["ltail"] = .text("cluster_" + box) }
            graph.edges.append(DiagramEdge(from: flow.from, to: flow.to, attributes: attributes))
        }
        if !boxed.isEmpty { graph.attributes["compound"] = "true" }

        var legend = DiagramCluster(id: "legend", attributes: [
            "label": .lines(language.lines(fr: "Utilisation", ar: "نسبة الاستخدام", en: "Utilisation")
            + language.lines(unitLegend(load.flowUnit))), "style": "rounded", "color": "#bdbdbd",
        ])
        var rank = DiagramCluster(id: "rank:legend", isCluster: false, attributes: ["rank": "same"])
        for (index, band) in scale.enumerated() {
            rank.nodes.append(DiagramNode(id: "legend:\(index)", attributes: ["shape": "box", "fillcolor": .text(band.colour), "label": .text(band.label)]))
        }
        legend.subgraphs = [rank]
        graph.clusters.append(legend)
        return graph
    }
}
