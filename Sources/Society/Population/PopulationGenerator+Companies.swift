import Foundation
import SocialCredit

extension PopulationGenerator {
    /// Step 5: companies and their employees (M11).
    ///
    /// In each province, company sizes are drawn from a discrete Pareto law until they hold all
    /// the province's employees; employees are then dealt to companies through a pseudo-random
    /// permutation (an affine map modulo the number of employees), so that family members do
    /// not all land in one firm and every company gets exactly its drawn size. Provinces are
    /// the plan's (a shard's own, or all); companies are numbered from 0 in province order.
    func assignEmployers(
        _ population: inout Population,
        plan: HouseholdPlan,
        random: CounterRandom,
        parallel: ParallelChunks
    ) {
        let provinces = plan.strata / 2
        let firstProvince = plan.firstStratum / 2
        let p = parameters
        let sectors = DiscreteDistribution(weights: p.sectorWeights)
        // People of the plan's province k are its strata 2k and 2k+1, contiguous.
        let ranges: [Range<Int>] = (0..<provinces).map { k in
            let start = plan.strataStart[2 * k]
            let end = 2 * k + 2 < plan.strata ? plan.strataStart[2 * k + 2] : population.count
            return start..<end
        }
        let flags = population.flags
        let perProvince: [(sizes: [UInt32], sectors: [UInt8])] = parallel.map(provinces) { k in
            let employees = ranges[k].reduce(0) { flags[$1].contains(.employee) ? $0 + 1 : $0 }
            var sizes: [UInt32] = []
            var kinds: [UInt8] = []
            var remaining = employees
            var c: UInt64 = 0
            while remaining > 0 {
                let key = UInt64(firstProvince + k) << 40 | c
                let u = max(random.uniform(.companySize, key), 1e-12)
                let drawn = min(Double(p.companySizeCap), floor(pow(u, -1 / p.companySizeAlpha)))
                let size = min(remaining, max(1, Int(drawn)))
                sizes.append(UInt32(size))
                kinds.append(UInt8(sectors.index(random.uniform(.companySector, key))))
                remaining -= size
                c += 1
            }
            return (sizes, kinds)
        }
        var starts = [Int](repeating: 0, count: provinces)
        var total = 0
        for k in 0..<provinces {
            starts[k] = total
            total += perProvince[k].sizes.count
        }
        let companyStart = starts
        population.companies = Companies(
            province: (0..<provinces).flatMap { k in
                [UInt8](repeating: UInt8(firstProvince + k), count: perProvince[k].sizes.count)
            },
            sector: perProvince.flatMap(\.sectors),
            employees: perProvince.flatMap(\.sizes)
        )

        population.employer.withUnsafeMutableBufferPointer { buffer in
            let employer = SharedColumn(buffer)
            _ = parallel.map(provinces) { k in
                let sizes = perProvince[k].sizes
                guard !sizes.isEmpty else { return 0 }
                var cumulative = [Int](repeating: 0, count: sizes.count)
                var running = 0
                for (i, size) in sizes.enumerated() {
                    running += Int(size)
                    cumulative[i] = running
                }
                let employees = running
                let (a, b) = Self.affinePermutation(
                    modulus: employees,
                    random: random,
                    key: UInt64(firstProvince + k)
                )
                var rank = 0
                for person in ranges[k] where flags[person].contains(.employee) {
                    let position = Int((UInt64(a) &* UInt64(rank) &+ UInt64(b)) % UInt64(employees))
                    // The company whose block of positions holds `position`.
                    var low = 0
                    var high = sizes.count - 1
                    while low < high {
                        let mid = (low + high) >> 1
                        if cumulative[mid] > position { high = mid } else { low = mid + 1 }
                    }
                    employer[person] = UInt32(companyStart[k] + low)
                    rank += 1
                }
                return 0
            }
        }
    }

    /// Parameters (a, b) of the bijection x -> (a x + b) mod n: a is coprime with n.
    static func affinePermutation(modulus n: Int, random: CounterRandom, key: UInt64) -> (Int, Int) {
        guard n > 1 else { return (1, 0) }
        var a = Int(random.bits(.companyLayout, key, 0) % UInt64(n))
        while gcd(a, n) != 1 { a = (a + 1) % n }
        return (a, Int(random.bits(.companyLayout, key, 1) % UInt64(n)))
    }
}

func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
