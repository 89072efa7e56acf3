import Foundation
internal import GRDB

/// Everything that can go wrong with a run database, each case naming the file or folder at fault
/// and what is wrong with it, so that `sclab` can print the error as it is and the user knows what
/// to fix.
///
/// The store never lets a GRDB or SQLite error escape: every failure is one of these cases, and
/// the descriptions start with the path, like the scenario diagnostics (`path: message`).
public enum RunStoreError: Error, CustomStringConvertible, Equatable, Sendable {
    /// `create` found a run database already in the folder; runs are never overwritten.
    case alreadyExists(path: String)
    /// The run folder does not exist.
    case noSuchDirectory(path: String)
    /// The path given as a run folder is a file.
    case notADirectory(path: String)
    /// The run folder could not be created (permissions, a full disk, a file in the way).
    case cannotCreateDirectory(path: String, reason: String)
    /// The folder exists but holds no `run.sqlite`; `path` is the missing file.
    case noRunDatabase(path: String)
    /// The file exists but cannot be read (permissions, an I/O error).
    case unreadable(path: String, reason: String)
    /// The file is not a SQLite database at all: empty, or without the SQLite header.
    case notADatabase(path: String, reason: String)
    /// The file is a SQLite database but damaged: truncated, or SQLite reports it malformed.
    case damaged(path: String, reason: String)
    /// The file is a sound SQLite database without the tables of a run, so it was written by
    /// something else.
    case notARun(path: String, missingTables: [String])
    /// The run was written by a newer SocialCreditLab whose schema this version does not know.
    /// `found` is the version recorded in the file, or `supported + 1` when only a migration this
    /// build does not know gives the newer schema away.
    case newerSchema(path: String, found: Int, supported: Int)
    /// The run is finished; a finished run is a record and is not written again.
    case alreadyFinished(path: String)
    /// A value handed to the store breaks its contract (a negative day count, an absolute
    /// checkpoint path, a digest that is not hex SHA-256, ...).
    case invalidArgument(path: String, reason: String)
    /// Any other database failure (a full disk, a lock held too long by another process),
    /// with the operation that failed and SQLite's message.
    case database(path: String, operation: String, message: String)

    /// The file or folder the error is about.
    public var path: String {
        switch self {
        case .alreadyExists(let path), .noSuchDirectory(let path), .notADirectory(let path),
            .cannotCreateDirectory(let path, _), .noRunDatabase(let path), .unreadable(let path, _),
            .notADatabase(let path, _), .damaged(let path, _), .notARun(let path, _),
            .newerSchema(let path, _, _), .alreadyFinished(let path), .invalidArgument(let path, _),
            .database(let path, _, _):
            return path
        }
    }

    /// One line, starting with the path: what is wrong and, where it helps, what to do.
    public var description: String {
        switch self {
        case .alreadyExists(let path):
            return "\(path): a run database already exists; choose another folder or remove the old run"
        case .noSuchDirectory(let path):
            return "\(path): no such run folder"
        case .notADirectory(let path):
            return "\(path): not a folder (a run folder holds run.sqlite and its checkpoints)"
        case .cannotCreateDirectory(let path, let reason):
            return "\(path): cannot create the run folder: \(reason)"
        case .noRunDatabase(let path):
            return "\(path): no run database in this folder (is it a run folder? `sclab simulate` writes one)"
        case .unreadable(let path, let reason):
            return "\(path): cannot read the run database: \(reason)"
        case .notADatabase(let path, let reason):
            return "\(path): not a SQLite database (\(reason))"
        case .damaged(let path, let reason):
            return "\(path): the run database is damaged (\(reason))"
        case .notARun(let path, let missingTables):
            return "\(path): a SQLite database but not a SocialCreditLab run (missing tables: "
                + missingTables.joined(separator: ", ") + ")"
        case .newerSchema(let path, let found, let supported):
            return "\(path): written by a newer SocialCreditLab (run schema version \(found); this version "
                + "reads versions up to \(supported)); upgrade sclab to open it"
        case .alreadyFinished(let path):
            return "\(path): the run is finished and is not written again"
        case .invalidArgument(let path, let reason):
            return "\(path): \(reason)"
        case .database(let path, let operation, let message):
            return "\(path): \(operation) failed: \(message)"
        }
    }
}

extension RunStoreError {
    /// Translates any error thrown while working on `path` into a `RunStoreError`: SQLite's
    /// corruption codes become `damaged`, a stored value of the wrong type too (a healthy run,
    /// with its typed tables, never has one), anything else `database` with the operation.
    static func wrapping(_ error: any Error, path: String, operation: String) -> RunStoreError {
        switch error {
        case let error as RunStoreError:
            return error
        case let error as DatabaseError:
            let message = error.message ?? "SQLite error \(error.resultCode.rawValue)"
            switch error.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                return .damaged(path: path, reason: message)
            default:
                return .database(path: path, operation: operation, message: message)
            }
        case let error as RowDecodingError:
            return .damaged(path: path, reason: "a stored value has the wrong type: \(error)")
        default:
            return .database(path: path, operation: operation, message: "\(error)")
        }
    }
}
