#if MPI
#if MPICH
import CMPICH
#else
import CMPI
#endif
import Foundation

/// The process-wide MPI calls: initialising, finalising, the library's version, and what
/// an MPI error code means.
enum MPILibrary {
    /// The MPI library's name and version. MPI allows the call before MPI_Init. The text is
    /// cut at its first NUL byte (OpenMPI counts its terminating NUL in the length) and
    /// trimmed of line ends.
    static func version() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(cmpi_max_library_version_string()) + 1)
        var length: Int32 = 0
        guard MPI_Get_library_version(&buffer, &length) == cmpi_success() else { return nil }
        return CText.string(buffer, length: Int(length))
    }

    /// Initialises MPI for calls from one thread at a time (a Swift command may resume on
    /// another thread after an await, so MPI_THREAD_FUNNELED would not be enough), with
    /// errors returned as codes so the exchange can say what failed before it aborts.
    static func initialise() throws {
        var initialised: Int32 = 0
        try check(MPI_Initialized(&initialised), "MPI_Initialized")
        guard initialised == 0 else { return }
        var provided: Int32 = 0
        try check(MPI_Init_thread(nil, nil, cmpi_thread_serialized(), &provided), "MPI_Init_thread")
        guard provided >= cmpi_thread_serialized() else {
            MPI_Finalize()
            throw ClusterError.threadSupport(provided: provided, required: cmpi_thread_serialized())
        }
        try check(MPI_Comm_set_errhandler(cmpi_comm_world(), cmpi_errors_return()), "MPI_Comm_set_errhandler")
    }

    /// Finalises MPI if it was initialised and is not finalised yet.
    static func finalise() {
        var initialised: Int32 = 0
        var finalised: Int32 = 0
        guard MPI_Initialized(&initialised) == cmpi_success(), initialised != 0,
            MPI_Finalized(&finalised) == cmpi_success(), finalised == 0
        else { return }
        MPI_Finalize()
    }

    /// Throws when an MPI call made while starting did not succeed.
    static func check(_ code: Int32, _ call: String) throws {
        guard code != cmpi_success() else { return }
        throw ClusterError.mpiFailed(call: call, message: message(code))
    }

    /// What an MPI error code means, in the library's words.
    static func message(_ code: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: Int(cmpi_max_error_string()) + 1)
        var length: Int32 = 0
        guard MPI_Error_string(code, &buffer, &length) == cmpi_success() else { return "MPI error \(code)" }
        return CText.string(buffer, length: Int(length)) + " (MPI error \(code))"
    }
}
#endif
