/// Many fields of every subject stored side by side, one fixed-size record per subject, so that
/// the fields an event reads together share one cache line.
///
/// The day loop visits subjects in index order but only the few with an event on the day, so
/// each visit lands on memory that is not in cache. With one array per field, every field read is
/// a separate trip to memory; with the fields an event needs packed in one 32- or 64-byte record,
/// it is one trip. Like `Column`, this is raw memory written without locks under the rule that a
/// chunk writes only its own subjects; the values must be plain so the block can be hashed and
/// saved as bytes.
final class RecordBlock: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    let count: Int
    let stride: Int

    /// A block of `count` records laid out by `layout`, each starting as its template.
    init(count: Int, layout: RecordLayout) {
        self.count = count
        stride = layout.stride
        base = UnsafeMutableRawPointer.allocate(byteCount: max(1, count) * stride, alignment: 64)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: max(1, count) * stride)
        layout.template.withUnsafeBytes { template in
            for index in 0..<count { (base + index * stride).copyMemory(from: template.baseAddress!, byteCount: template.count) }
        }
    }

    deinit { base.deallocate() }

    /// The field at `offset` of every record.
    func field<Element: BitwiseCopyable>(_ offset: Int) -> Field<Element> {
        Field(block: self, base: base + offset, stride: stride)
    }

    /// The block's bytes, for hashing and checkpoints.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count * stride) }
}

/// The layout of a record: each field's offset (at its natural alignment) and starting value.
struct RecordLayout {
    private(set) var size = 0
    private(set) var template: [UInt8] = []

    /// Adds a field that starts at `initial`, returning its offset.
    mutating func add<Element: BitwiseCopyable>(_ initial: Element) -> Int {
        let alignment = MemoryLayout<Element>.alignment
        let offset = (size + alignment - 1) / alignment * alignment
        size = offset + MemoryLayout<Element>.size
        template += [UInt8](repeating: 0, count: size - template.count)
        withUnsafeBytes(of: initial) { bytes in
            for (i, byte) in bytes.enumerated() { template[offset + i] = byte }
        }
        return offset
    }

    /// Record size: a power of two up to a cache line (so a record never straddles two), then
    /// whole cache lines.
    var stride: Int {
        guard size > 0 else { return 1 }
        guard size <= 64 else { return (size + 63) / 64 * 64 }
        var stride = 1
        while stride < size { stride *= 2 }
        return stride
    }
}

/// One field of a `RecordBlock`, read and written like an array.
struct Field<Element: BitwiseCopyable>: @unchecked Sendable {
    /// Kept so the memory lives as long as any field of it.
    let block: RecordBlock
    let base: UnsafeMutableRawPointer
    let stride: Int

    @inline(__always)
    subscript(index: Int) -> Element {
        get { (base + index &* stride).load(as: Element.self) }
        nonmutating set { (base + index &* stride).storeBytes(of: newValue, as: Element.self) }
    }
}
