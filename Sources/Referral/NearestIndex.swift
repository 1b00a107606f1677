import CareNetwork

/// Facilities sorted by latitude, to find the nearest one to a point without measuring them all: a
/// great-circle distance is at least the Earth's radius times the difference of latitudes (in
/// radians), so the search walks outwards from the point's latitude and stops once that bound passes
/// the nearest distance found. The same answer as measuring every candidate (ties to the lowest id),
/// in about the square root of the work on a country's spread of facilities, so that building a
/// router grows with the network rather than with its square.
struct NearestIndex: Sendable {
    private let ids: [FacilityID]
    private let points: [GeoPoint]

    /// The index of `candidates` of `network`.
    init(_ network: CareNetwork, _ candidates: [FacilityID]) {
        let sorted = candidates.map { ($0, network.facilities[$0.index].location) }
            .sorted { ($0.1.latitude, $0.0.index) < ($1.1.latitude, $1.0.index) }
        ids = sorted.map(\.0)
        points = sorted.map(\.1)
    }

    /// Kilometres per degree of latitude, as a lower bound of the distance (a hair under, for rounding).
    private static let kmPerDegree = GeoPoint.earthRadiusKm * Double.pi / 180 * (1 - 1e-12)

    /// The nearest candidate to `point` and its distance in km (ties: the lowest id); nil without candidates.
    func nearest(to point: GeoPoint) -> (FacilityID, Double)? {
        guard !ids.isEmpty else { return nil }
        // The first candidate at or north of the point's latitude.
        var low = 0, high = points.count
        while low < high {
            let mid = (low + high) / 2
            if points[mid].latitude < point.latitude { low = mid + 1 } else { high = mid }
        }
        var up = low, down = low - 1
        var best: (FacilityID, Double)?
        func consider(_ k: Int) {
            let km = point.distanceKm(to: points[k])
            if let current = best, km > current.1 || (km == current.1 && ids[k].index > current.0.index) { return }
            best = (ids[k], km)
        }
        while up < points.count || down >= 0 {
            let upBound = up < points.count ? (points[up].latitude - point.latitude) * Self.kmPerDegree : .infinity
            let downBound = down >= 0 ? (point.latitude - points[down].latitude) * Self.kmPerDegree : .infinity
            if let current = best, min(upBound, downBound) > current.1 { break }
            if upBound <= downBound { consider(up); up += 1 } else { consider(down); down -= 1 }
        }
        return best
    }
}
