import Foundation

/// Structure of a friendship network: degree distribution, clustering, homophily.
public struct NetworkStatistics: Codable, Sendable {
    /// Mean number of friends.
    public var meanDegree: Double
    /// Standard deviation of the number of friends.
    public var degreeStandardDeviation: Double
    /// Variance over mean: 1 for a Poisson degree distribution, above 1 for a heavier tail.
    public var dispersionIndex: Double
    /// Degree percentiles.
    public var median: Int, p90: Int, p99: Int, max: Int
    /// Share of people with no friend.
    public var isolatedShare: Double
    /// Share with a degree at least mean + 3 sqrt(mean); a Poisson law would give `poissonTailShare`.
    public var tailShare: Double
    /// The same tail under a Poisson law with the same mean.
    public var poissonTailShare: Double
    /// Mean number of close ties.
    public var meanCloseDegree: Double
    /// Mean local clustering coefficient, over a sample of people with 2 or more friends.
    public var clustering: Double
    /// People in the clustering sample.
    public var clusteringSample: Int
    /// Mean age gap between friends, and between random pairs of people (homophily by age).
    public var meanFriendAgeGap: Double
    public var meanRandomAgeGap: Double
    /// Share of ties within a province (homophily by place).
    public var sameProvinceShare: Double

    /// Measures a population's network (O(N + sampled triangles)).
    public init(_ population: Population, sample: Int = 20_000) {
        let network = population.network
        let n = population.count
        var sum = 0.0
        var sumSquares = 0.0
        var histogram: [Int: Int] = [:]
        var isolated = 0
        var close = 0.0
        for person in 0..<n {
            let d = network.degree(person)
            sum += Double(d)
            sumSquares += Double(d * d)
            histogram[d, default: 0] += 1
            if d == 0 { isolated += 1 }
            close += Double(network.closeCount[person])
        }
        let mean = sum / Double(Swift.max(n, 1))
        let variance = Swift.max(0, sumSquares / Double(Swift.max(n, 1)) - mean * mean)
        meanDegree = mean
        degreeStandardDeviation = variance.squareRoot()
        dispersionIndex = mean > 0 ? variance / mean : 0
        meanCloseDegree = close / Double(Swift.max(n, 1))
        isolatedShare = Double(isolated) / Double(Swift.max(n, 1))
        let sortedDegrees = histogram.keys.sorted()
        func percentile(_ q: Double) -> Int {
            var seen = 0
            let target = Int((Double(n) * q).rounded(.up))
            for degree in sortedDegrees {
                seen += histogram[degree]!
                if seen >= target { return degree }
            }
            return sortedDegrees.last ?? 0
        }
        median = percentile(0.5)
        p90 = percentile(0.9)
        p99 = percentile(0.99)
        self.max = sortedDegrees.last ?? 0
        let threshold = Int((mean + 3 * mean.squareRoot()).rounded(.up))
        tailShare = Double(histogram.filter { $0.key >= threshold }.values.reduce(0, +)) / Double(Swift.max(n, 1))
        poissonTailShare = Self.poissonTail(mean: mean, atLeast: threshold)

        // Clustering and homophily on an evenly spaced sample.
        let step = Swift.max(1, n / sample)
        var clusteringSum = 0.0
        var clustered = 0
        var friendGap = 0.0
        var friendPairs = 0
        var sameProvince = 0
        var randomGap = 0.0
        var randomPairs = 0
        var person = 0
        while person < n {
            let friends = network.friends(of: person)
            for friend in friends {
                friendGap += Double(abs(Int(population.age[person]) - Int(population.age[Int(friend)])))
                friendPairs += 1
                if population.province[person] == population.province[Int(friend)] { sameProvince += 1 }
            }
            let other = (person &* 7919 &+ 104_729) % n
            randomGap += Double(abs(Int(population.age[person]) - Int(population.age[other])))
            randomPairs += 1
            let k = friends.count
            if k >= 2 {
                let set = Set(friends)
                var links = 0
                for friend in friends {
                    for second in network.friends(of: Int(friend)) where set.contains(second) { links += 1 }
                }
                clusteringSum += Double(links) / Double(k * (k - 1))
                clustered += 1
            }
            person += step
        }
        clustering = clustered > 0 ? clusteringSum / Double(clustered) : 0
        clusteringSample = clustered
        meanFriendAgeGap = friendPairs > 0 ? friendGap / Double(friendPairs) : 0
        meanRandomAgeGap = randomPairs > 0 ? randomGap / Double(randomPairs) : 0
        sameProvinceShare = friendPairs > 0 ? Double(sameProvince) / Double(friendPairs) : 0
    }

    /// P(X >= k) for a Poisson law with the given mean.
    static func poissonTail(mean: Double, atLeast k: Int) -> Double {
        guard mean > 0 else { return 0 }
        var term = exp(-mean)
        var below = 0.0
        for i in 0..<k {
            below += term
            term *= mean / Double(i + 1)
        }
        return Swift.max(0, 1 - below)
    }
}
