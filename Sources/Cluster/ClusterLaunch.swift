/// How this process was started: as one rank of several (by mpirun, mpiexec or srun), or alone.
/// Read from the variables the launchers set, so that a process knows before it loads MPI
/// whether it needs MPI at all.
struct ClusterLaunch: Equatable, Sendable {
    /// This process's rank, from 0.
    let rank: Int
    /// How many ranks were started.
    let ranks: Int
    /// The variable the count of ranks was read from ("" when alone), for messages.
    let source: String

    /// A process started alone (not by a launcher, or as its only rank).
    static let alone = ClusterLaunch(rank: 0, ranks: 1, source: "")

    /// The launchers' variables, (count of ranks, rank), in the order they are tried.
    static let launchers: [(size: String, rank: String)] = [
        // OpenMPI's mpirun (4.x sets these; it sets PMIX_RANK but no PMIX_SIZE).
        ("OMPI_COMM_WORLD_SIZE", "OMPI_COMM_WORLD_RANK"),
        // Hydra, the mpiexec of MPICH and Intel MPI; also srun --mpi=pmi2.
        ("PMI_SIZE", "PMI_RANK"),
        // MVAPICH's mpirun_rsh.
        ("MV2_COMM_WORLD_SIZE", "MV2_COMM_WORLD_RANK"),
        // srun: a job step's task count. SLURM_NTASKS is not used, as a batch script's own shell
        // has it too, where sclab runs alone.
        ("SLURM_STEP_NUM_TASKS", "SLURM_PROCID"),
    ]

    /// The launch the environment describes: the first launcher whose count variable is set.
    /// A count or rank that is not a whole number in range is an error, not a guess.
    static func detect(environment: [String: String]) throws -> ClusterLaunch {
        guard let launcher = launchers.first(where: { environment[$0.size] != nil }),
            let sizeText = environment[launcher.size]
        else { return .alone }
        guard let ranks = Int(sizeText.trimmingSpaces), ranks >= 1 else {
            throw ClusterError.badLaunchVariable(
                name: launcher.size,
                value: sizeText,
                expected: "a count of ranks, 1 or more"
            )
        }
        let rankText = environment[launcher.rank] ?? ""
        guard let rank = Int(rankText.trimmingSpaces), (0..<ranks).contains(rank) else {
            throw ClusterError.badLaunchVariable(
                name: launcher.rank,
                value: rankText,
                expected: "this process's rank, from 0 to \(ranks - 1) (\(launcher.size)=\(ranks))"
            )
        }
        return ranks == 1 ? .alone : ClusterLaunch(rank: rank, ranks: ranks, source: launcher.size)
    }
}

extension String {
    /// The text without spaces, tabs or line ends around it.
    fileprivate var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[first...last]
    }
}
