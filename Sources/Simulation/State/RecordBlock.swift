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
        base = StateMemory.allocate(byteCount: max(1, count) * stride, alignment: 64)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: max(1, count) * stride)
        layout.template.withUnsafeBytes { template in
            for index in 0..<count {
                (base + index * stride).copyMemory(from: template.baseAddress!, byteCount: template.count)
            }
        }
    }

    deinit { base.deallocate() }

    /// The field at `offset` of every record.
    func field<Element: BitwiseCopyable>(_ offset: Int) -> Field<Element> {
        Field(base: base + offset, stride: stride)
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
///
/// It holds no reference to its block (the owner of the block, `SubjectState`, keeps it alive):
/// a field is then a plain pair of numbers, and copying one in the day loop never touches a
/// shared reference count, which two threads would otherwise fight over.
struct Field<Element: BitwiseCopyable>: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    let stride: Int

    @inline(__always)
    subscript(index: Int) -> Element {
        get { (base + index &* stride).load(as: Element.self) }
        nonmutating set { (base + index &* stride).storeBytes(of: newValue, as: Element.self) }
    }
}

/// Day numbers kept in 16 bits, counted from the run's first day (the *origin*).
///
/// Most of the state is days (until when a list entry runs, when a record last lowered the
/// score, when the next event is due); 32 bits each would double the records that hold them.
/// Sixteen bits reach 32,766 days (about 89 years) either side of the origin, so a run is limited
/// to `RunDays.maximumLength` days (checked where a run is set up). Days further out are clamped:
/// they are compared with days inside the run, where a clamped value gives the same answer.
/// `Int32.min` ("never") and `Int32.max` ("for good") keep their meaning.
enum RunDays {
    /// The longest run the 16-bit days can hold.
    static let maximumLength = 32_000

    @inline(__always) static func encode(_ day: Int32, origin: Int32) -> Int16 {
        if day == Int32.min { return Int16.min }
        if day == Int32.max { return Int16.max }
        return Int16(max(Int32(Int16.min) + 1, min(Int32(Int16.max) - 1, day &- origin)))
    }

    @inline(__always) static func decode(_ stored: Int16, origin: Int32) -> Int32 {
        if stored == Int16.min { return Int32.min }
        if stored == Int16.max { return Int32.max }
        return origin &+ Int32(stored)
    }
}

/// A day field of a `RecordBlock`, stored as `RunDays`, read and written as day numbers.
///
/// A field the subject's kind never has (a list of the other kind) is *absent*: it reads as
/// "never" and takes only "never", so the record need not hold it.
struct DayField: @unchecked Sendable {
    let base: UnsafeMutableRawPointer?
    let stride: Int
    let origin: Int32

    /// An absent field.
    static let absent = DayField(base: nil, stride: 0, origin: 0)

    @inline(__always)
    subscript(index: Int) -> Int32 {
        get {
            guard let base else { return Int32.min }
            return RunDays.decode((base + index &* stride).load(as: Int16.self), origin: origin)
        }
        nonmutating set {
            guard let base else {
                precondition(newValue == Int32.min, "a day written to a field this kind of subject does not have")
                return
            }
            (base + index &* stride).storeBytes(of: RunDays.encode(newValue, origin: origin), as: Int16.self)
        }
    }
}

extension RecordBlock {
    /// The day field at `offset` of every record, counted from `origin`.
    func dayField(_ offset: Int, origin: Int32) -> DayField {
        DayField(base: base + offset, stride: stride, origin: origin)
    }
}
