extension Simulation {
    /// The state digest of every person and company (`BlockDigest`'s definition), in hex: the
    /// same for the same scenario, size and seed on any number of threads, and the same as a
    /// sharded run assembles from its ranks' blocks.
    public func digest() -> String {
        let people = BlockDigest.shard(of: people, threads: config.threads)
        let companies = BlockDigest.shard(of: companies, threads: config.threads)
        return BlockDigest.combine(
            DigestHeader(people: self.people.count, companies: self.companies.count),
            people: people.hashes,
            companies: companies.hashes
        )
    }
}
