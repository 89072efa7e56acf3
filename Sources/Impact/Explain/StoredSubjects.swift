import RunRecords
import RunStore
import Simulation

/// Where a credit report reads a run's stored subjects: a final snapshot and the record traces
/// of one person or company (`kind` "people" or "companies"). The run store answers from the
/// database (`sclab explain`); the web app answers from the run it holds in memory. One protocol,
/// so both build the report with the same code (`CreditReport.build`) and cannot disagree.
public protocol StoredSubjects {
    /// The stored final state of a subject; nil when the run did not store one.
    func snapshot(subject: Int, kind: String) throws -> SubjectSnapshot?
    /// Every record trace of a subject (empty for a subject not traced).
    func traces(subject: Int, kind: String) throws -> [RecordTrace]
}

/// The run store reads one subject at a time from the database.
extension RunStore: StoredSubjects {}
