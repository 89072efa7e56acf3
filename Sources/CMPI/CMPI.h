// MPI's C API for Swift (the Cluster module, MPI trait). Only MPI-3 calls are used, so OpenMPI
// and MPICH both serve. OpenMPI defines its handles (MPI_COMM_WORLD, MPI_BYTE, ...) as macros
// over the addresses of globals, which Swift does not import; MPICH defines constants as macros
// Swift may import with other types. The accessors below give Swift every handle and constant
// the Cluster module uses, whatever the implementation.
#ifndef CMPI_H
#define CMPI_H

#include <mpi.h>

/// The communicator of all ranks.
static inline MPI_Comm cmpi_comm_world(void) { return MPI_COMM_WORLD; }
/// Whole numbers of 64 bits (ShardExchange.allGather).
static inline MPI_Datatype cmpi_int64(void) { return MPI_INT64_T; }
/// Bytes (gather, broadcast).
static inline MPI_Datatype cmpi_byte(void) { return MPI_BYTE; }
/// The error handler that returns codes instead of aborting, so a failure is said in words.
static inline MPI_Errhandler cmpi_errors_return(void) { return MPI_ERRORS_RETURN; }
/// The thread level the cluster asks for: one thread at a time makes MPI calls.
static inline int cmpi_thread_serialized(void) { return MPI_THREAD_SERIALIZED; }
/// What a call that worked returns.
static inline int cmpi_success(void) { return MPI_SUCCESS; }
/// Room for MPI_Get_library_version's text.
static inline int cmpi_max_library_version_string(void) { return MPI_MAX_LIBRARY_VERSION_STRING; }
/// Room for MPI_Error_string's text.
static inline int cmpi_max_error_string(void) { return MPI_MAX_ERROR_STRING; }

/// MPI_Comm_split, returning the new communicator (its error code in `error`): a communicator
/// is a pointer in OpenMPI and an int in MPICH, so Swift cannot pass the address of one portably.
static inline MPI_Comm cmpi_comm_split(MPI_Comm comm, int color, int key, int *error) {
    MPI_Comm split = MPI_COMM_NULL;
    *error = MPI_Comm_split(comm, color, key, &split);
    return split;
}

#endif
