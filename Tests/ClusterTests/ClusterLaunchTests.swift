import Society
import Testing

@testable import Cluster

@Suite("Cluster: how a process was launched, from its environment")
struct ClusterLaunchTests {
    @Test("No launcher's variables: alone")
    func alone() throws {
        #expect(try ClusterLaunch.detect(environment: [:]) == .alone)
        #expect(
            try ClusterLaunch.detect(environment: ["PATH": "/usr/bin", "SLURM_NTASKS": "4", "SLURM_PROCID": "0"])
                == .alone
        )
    }

    @Test("OpenMPI's mpirun, MPICH's Hydra, MVAPICH and srun are each recognised")
    func launchers() throws {
        let open = try ClusterLaunch.detect(environment: ["OMPI_COMM_WORLD_SIZE": "4", "OMPI_COMM_WORLD_RANK": "3"])
        #expect(open == ClusterLaunch(rank: 3, ranks: 4, source: "OMPI_COMM_WORLD_SIZE"))
        let hydra = try ClusterLaunch.detect(environment: ["PMI_SIZE": "2", "PMI_RANK": "1"])
        #expect(hydra == ClusterLaunch(rank: 1, ranks: 2, source: "PMI_SIZE"))
        let mvapich = try ClusterLaunch.detect(environment: ["MV2_COMM_WORLD_SIZE": "8", "MV2_COMM_WORLD_RANK": "0"])
        #expect(mvapich == ClusterLaunch(rank: 0, ranks: 8, source: "MV2_COMM_WORLD_SIZE"))
        let srun = try ClusterLaunch.detect(environment: [
            "SLURM_NTASKS": "16", "SLURM_STEP_NUM_TASKS": "16", "SLURM_PROCID": "15",
        ])
        #expect(srun == ClusterLaunch(rank: 15, ranks: 16, source: "SLURM_STEP_NUM_TASKS"))
        // OpenMPI's own variables win over a surrounding srun allocation's.
        let both = try ClusterLaunch.detect(environment: [
            "OMPI_COMM_WORLD_SIZE": "3", "OMPI_COMM_WORLD_RANK": "2", "SLURM_STEP_NUM_TASKS": "1", "SLURM_PROCID": "0",
        ])
        #expect(both.ranks == 3 && both.rank == 2)
    }

    @Test("One rank under a launcher is a process alone")
    func oneRank() throws {
        #expect(
            try ClusterLaunch.detect(environment: ["OMPI_COMM_WORLD_SIZE": "1", "OMPI_COMM_WORLD_RANK": "0"]) == .alone
        )
    }

    @Test("A count or rank that is not a whole number in range is a clear error")
    func badVariables() {
        let cases: [([String: String], String)] = [
            (["OMPI_COMM_WORLD_SIZE": "four", "OMPI_COMM_WORLD_RANK": "0"], "OMPI_COMM_WORLD_SIZE=\"four\""),
            (["OMPI_COMM_WORLD_SIZE": "0", "OMPI_COMM_WORLD_RANK": "0"], "a count of ranks, 1 or more"),
            (["PMI_SIZE": "2"], "PMI_RANK=\"\""),
            (["PMI_SIZE": "2", "PMI_RANK": "2"], "from 0 to 1 (PMI_SIZE=2)"),
            (["PMI_SIZE": "2", "PMI_RANK": "-1"], "PMI_RANK=\"-1\""),
        ]
        for (environment, text) in cases {
            #expect {
                _ = try ClusterLaunch.detect(environment: environment)
            } throws: { error in
                "\(error)".contains(text)
            }
        }
    }

    #if !MPI
    @Test("Built without MPI, a launch as several ranks is refused with the command that builds with MPI")
    func withoutMPI() throws {
        #expect(throws: ClusterError.builtWithoutMPI(rank: 1, ranks: 3)) {
            try ClusterSession.start(launch: ClusterLaunch(rank: 1, ranks: 3, source: "PMI_SIZE"), pieceLimit: 1 << 30)
        }
        #expect(
            ClusterError.builtWithoutMPI(rank: 1, ranks: 3).description
                == "sclab was built without MPI but launched as rank 1 of 3: build it with `swift build -c release --product sclab --traits MPI`"
        )
        let alone = try ClusterSession.start(launch: .alone, pieceLimit: 1 << 30)
        #expect(alone.rank == 0 && alone.ranks == 1 && alone.libraryVersion == nil)
        alone.finish()
        alone.finish()
    }
    #endif

    #if MPI
    @Test("Built with MPI, a process alone uses no MPI and names the library, without a NUL")
    func withMPIAlone() throws {
        let alone = try ClusterSession.start(launch: .alone, pieceLimit: 1 << 30)
        #expect(alone.ranks == 1 && alone.exchange is SingleShard)
        let version = try #require(alone.libraryVersion)
        #expect(version.contains("MPI") && !version.contains("\u{0}"))
        alone.finish()
        alone.finish()
    }
    #endif

    @Test("A piece limit below one byte is refused")
    func pieceLimit() {
        #expect(throws: ClusterError.pieceLimit(0)) { try ClusterSession.start(launch: .alone, pieceLimit: 0) }
        #expect(ClusterError.pieceLimit(0).description == "the piece limit must be at least 1 byte (not 0)")
    }

    @Test("C text stops at its first NUL byte")
    func cText() {
        let version = Array("Open MPI v4.1.4\n\0garbage".utf8CString)
        #expect(CText.string(version, length: version.count) == "Open MPI v4.1.4")
        #expect(CText.string(version, length: 4) == "Open")
        #expect(CText.string([], length: 10) == "")
    }
}
