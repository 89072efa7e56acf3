import Society

extension Simulation {
    /// The state digest of every person and company (`BlockDigest`'s definition), in hex: the
    /// same for the same scenario, size and seed on any number of threads, and the same as a
    /// sharded run assembles from its ranks' `digestShards()`. Only for a run of a whole society.
    public func digest() -> String {
        precondition(population.placement == nil, "a shard's digest is assembled from every shard's digestShards()")
        let shards = digestShards()
        do {
            return BlockDigest.combine(
                DigestHeader(people: people.count, companies: companies.count),
                people: try BlockDigest.assemble(count: people.count, shards: [shards.people]),
                companies: try BlockDigest.assemble(count: companies.count, shards: [shards.companies])
            )
        } catch {
            preconditionFailure("a whole society's own blocks always assemble: \(error)")
        }
    }

    /// This run's part of the digest: the hashes of the blocks of people and of companies that
    /// lie wholly in it, and the rows of those it holds only part of (at a shard's edges), by
    /// whole-society index.
    public func digestShards() -> (people: DigestShard, companies: DigestShard) {
        (
            BlockDigest.shard(
                of: people,
                globalOffset: population.firstPerson,
                count: population.totalPeople,
                threads: config.threads
            ),
            BlockDigest.shard(
                of: companies,
                globalOffset: population.firstCompany,
                count: population.totalCompanies,
                threads: config.threads
            )
        )
    }
}
