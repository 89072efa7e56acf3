import Foundation

/// An exchange that counts what passes through another: calls, bytes this process sent and
/// received, and the seconds spent waiting in the collectives (the time a sharded run spends
/// communicating, what docs/scale.md reports). Used from the one thread that drives a shard.
public final class MeasuredExchange: ShardExchange, @unchecked Sendable {
    /// The exchange measured.
    public let inner: any ShardExchange
    /// Collective calls made.
    public private(set) var calls = 0
    /// Bytes this process handed the collectives.
    public private(set) var bytesSent = 0
    /// Bytes this process received from them.
    public private(set) var bytesReceived = 0
    /// Seconds spent inside the collectives (waiting for the slowest shard included).
    public private(set) var seconds = 0.0

    /// Measures `inner`.
    public init(_ inner: any ShardExchange) { self.inner = inner }

    /// The inner exchange's shard.
    public var shard: Int { inner.shard }
    /// The inner exchange's count of shards.
    public var shards: Int { inner.shards }

    /// The inner exchange's `allGather`, measured.
    public func allGather(_ values: [Int64]) -> [[Int64]] {
        let result = measured(sent: values.count * 8) { inner.allGather(values) }
        bytesReceived += result.reduce(0) { $0 + $1.count * 8 }
        return result
    }

    /// The inner exchange's `gather`, measured.
    public func gather(_ bytes: [UInt8]) -> [[UInt8]] {
        let result = measured(sent: bytes.count) { inner.gather(bytes) }
        bytesReceived += result.reduce(0) { $0 + $1.count }
        return result
    }

    /// The inner exchange's `broadcast`, measured.
    public func broadcast(_ bytes: [UInt8]) -> [UInt8] {
        let result = measured(sent: shard == 0 ? bytes.count : 0) { inner.broadcast(bytes) }
        if shard != 0 { bytesReceived += result.count }
        return result
    }

    private func measured<T>(sent: Int, _ body: () -> T) -> T {
        let clock = DispatchTime.now().uptimeNanoseconds
        let result = body()
        seconds += Double(DispatchTime.now().uptimeNanoseconds - clock) / 1e9
        calls += 1
        bytesSent += sent
        return result
    }

    /// The figures so far.
    public var figures: ExchangeFigures {
        ExchangeFigures(calls: calls, bytesSent: bytesSent, bytesReceived: bytesReceived, seconds: seconds)
    }
}

/// What one process of a sharded run exchanged with the others (`MeasuredExchange`).
public struct ExchangeFigures: Sendable, Equatable {
    /// Collective calls made.
    public var calls: Int
    /// Bytes this process handed the collectives.
    public var bytesSent: Int
    /// Bytes it received from them.
    public var bytesReceived: Int
    /// Seconds spent inside the collectives.
    public var seconds: Double

    /// What was exchanged between `earlier` and these figures (a phase of the run).
    public func since(_ earlier: ExchangeFigures) -> ExchangeFigures {
        ExchangeFigures(
            calls: calls - earlier.calls,
            bytesSent: bytesSent - earlier.bytesSent,
            bytesReceived: bytesReceived - earlier.bytesReceived,
            seconds: seconds - earlier.seconds
        )
    }

    /// The figures as a JSON object's values.
    public var json: [String: Any] {
        ["calls": calls, "bytesSent": bytesSent, "bytesReceived": bytesReceived, "seconds": seconds]
    }
}
