/// A dense index of a facility in a ``CareNetwork`` (0 ..< network.facilities.count).
public struct FacilityID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The position in ``CareNetwork/facilities``.
    public let index: Int
    /// The facility at `index`.
    public init(_ index: Int) { self.index = index }
    public static func < (a: FacilityID, b: FacilityID) -> Bool { a.index < b.index }
    public var description: String { "facility#\(index)" }
}

/// A dense index of a region in a ``CareNetwork``.
public struct RegionID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The position in ``CareNetwork/regions``.
    public let index: Int
    /// The region at `index`.
    public init(_ index: Int) { self.index = index }
    public static func < (a: RegionID, b: RegionID) -> Bool { a.index < b.index }
    public var description: String { "region#\(index)" }
}

/// A dense index of a province in a ``CareNetwork``.
public struct ProvinceID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The position in ``CareNetwork/provinces``.
    public let index: Int
    /// The province at `index`.
    public init(_ index: Int) { self.index = index }
    public static func < (a: ProvinceID, b: ProvinceID) -> Bool { a.index < b.index }
    public var description: String { "province#\(index)" }
}
