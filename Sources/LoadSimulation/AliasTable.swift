/// Walker's alias method (Vose's construction): O(1) sampling from a discrete distribution.
struct AliasTable {
    /// Per cell, the probability (scaled to 2^32) of keeping the cell rather than its alias.
    var threshold: [UInt32]
    var alias: [Int32]

    init(weights: [Double]) {
        let n = weights.count
        threshold = Array(repeating: UInt32.max, count: n)
        alias = Array(0..<Int32(n))
        guard n > 0 else { return }
        let total = weights.reduce(0, +)
        var scaled = weights.map { $0 * Double(n) / total }
        var small: [Int] = [], large: [Int] = []
        for i in 0..<n { if scaled[i] < 1 { small.append(i) } else { large.append(i) } }
        while let s = small.popLast() {
            guard let l = large.last else { small.append(s); break }
            threshold[s] = UInt32(min(scaled[s] * 4_294_967_296.0, 4_294_967_295.0))
            alias[s] = Int32(l)
            scaled[l] -= 1 - scaled[s]
            if scaled[l] < 1 { large.removeLast(); small.append(l) }
        }
        // Whatever remains (1 up to rounding) keeps its own cell.
        for i in small + large { threshold[i] = UInt32.max; alias[i] = Int32(i) }
    }
}
