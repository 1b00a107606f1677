import Foundation

/// A point on the Earth in decimal degrees (WGS 84).
public struct GeoPoint: Hashable, Sendable, Codable {
    /// Degrees north (negative: south).
    public var latitude: Double
    /// Degrees east (negative: west).
    public var longitude: Double

    /// The point at `latitude`, `longitude`.
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Mean Earth radius (IUGG), in kilometres.
    public static let earthRadiusKm = 6371.0088

    /// Great-circle distance to `other` in kilometres (haversine formula).
    public func distanceKm(to other: GeoPoint) -> Double {
        let toRad = Double.pi / 180
        let dLat = (other.latitude - latitude) * toRad
        let dLon = (other.longitude - longitude) * toRad
        let a = sin(dLat / 2) * sin(dLat / 2)
            + cos(latitude * toRad) * cos(other.latitude * toRad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * GeoPoint.earthRadiusKm * asin(min(1, a.squareRoot()))
    }

    /// The rectangle that holds Morocco's territory as CarePath checks it (a warning outside it).
    public static let moroccoExtent = (latitude: 20.5...36.2, longitude: -17.3 ... -0.9)

    /// Whether the point lies inside ``moroccoExtent``.
    public var isInsideMorocco: Bool {
        GeoPoint.moroccoExtent.latitude.contains(latitude) && GeoPoint.moroccoExtent.longitude.contains(longitude)
    }
}
