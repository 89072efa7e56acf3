/// One column of a subject state as the digest cuts it into blocks of subjects: its bytes, and
/// the bytes each subject takes in it (a record block's whole record, a plain column's value).
///
/// The state digest hashes the rows of a block of subjects column by column, and a sharded run
/// hands over the rows of a block that straddles two ranks; both need to find a subject's rows
/// in any column without knowing what the column holds.
struct StateColumn {
    /// The column's bytes (empty for a column this kind of subject does not have).
    let bytes: UnsafeRawBufferPointer
    /// Bytes per subject.
    let rowStride: Int

    /// The rows of the subjects at `range` (indices into the state), in subject order; empty for
    /// a column with no rows.
    func rows(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        guard !bytes.isEmpty else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(rebasing: bytes[(range.lowerBound * rowStride)..<(range.upperBound * rowStride)])
    }
}

extension Column {
    /// The column cut by subject.
    var stateColumn: StateColumn { StateColumn(bytes: bytes, rowStride: MemoryLayout<Element>.stride) }
}

extension RecordBlock {
    /// The block cut by subject: one record per subject.
    var stateColumn: StateColumn { StateColumn(bytes: bytes, rowStride: stride) }
}
