extension SimulationResult {
    /// The routes that had patients after the warm-up, in route order (by health centre, then
    /// service, then emergency flag, as the model built them).
    public func routeLoads(model: SimulationModel) -> [RouteLoad] {
        var loads: [RouteLoad] = []
        for route in 0..<min(routeArrivals.count, model.routeOutcome.count) where routeArrivals[route] > 0 {
            let steps = Int(model.routeOffsets[route])..<Int(model.routeOffsets[route + 1])
            loads.append(RouteLoad(
                route: route, origin: Int(model.routeOrigin[route]), service: Int(model.routeService[route]),
                emergency: model.routeEmergency[route], outcome: model.routeOutcome[route],
                facilities: steps.map { Int(model.routeFacilities[$0]) }, patients: routeArrivals[route]))
        }
        return loads
    }
}
