import SyncFormat

/// A hybrid logical clock's reading: milliseconds of physical time, a counter for events within
/// the same millisecond, and the replica that made it, which breaks ties.
///
/// Readings compare by wall time, then counter, then replica id (bytes), so every replica puts
/// any set of readings in the same order, and the latest by this order wins a merge everywhere.
/// The text form sorts the same way.
///
/// ```swift
/// let reading = HybridTimestamp(wall: 1_764_979_200_000, counter: 2, replica: replica)
/// reading.text  // "001764979200000-00000002-<replica hex>"
/// ```
public struct HybridTimestamp: Hashable, Comparable, Sendable {
    /// Milliseconds since 1970 (UTC), as the clock that made it (or a replica before it) read them.
    public let wall: UInt64
    public let counter: UInt32
    public let replica: SyncID

    public init(wall: UInt64, counter: UInt32, replica: SyncID) {
        self.wall = wall
        self.counter = counter
        self.replica = replica
    }

    public static func < (left: Self, right: Self) -> Bool {
        if left.wall != right.wall { return left.wall < right.wall }
        if left.counter != right.counter { return left.counter < right.counter }
        return left.replica.bytes.lexicographicallyPrecedes(right.replica.bytes)
    }

    /// Fixed-width text that sorts as the readings do: wall (15 digits), counter (8 hex digits),
    /// replica (32 hex digits).
    public var text: String {
        let wall = String(wall)
        let counter = String(counter, radix: 16)
        return String(repeating: "0", count: max(0, 15 - wall.count)) + wall + "-"
            + String(repeating: "0", count: 8 - counter.count) + counter + "-" + replica.hex
    }

    /// The reading ``text`` wrote; `nil` for anything else.
    public init?(text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts[0].count == 15, parts[1].count == 8,
            parts[0].utf8.allSatisfy({ (0x30...0x39).contains($0) }), let wall = UInt64(parts[0]),
            parts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
            let counter = UInt32(parts[1], radix: 16), let replica = SyncID(hex: parts[2])
        else { return nil }
        self.init(wall: wall, counter: counter, replica: replica)
    }
}

/// A hybrid logical clock (Kulkarni et al., 2014): readings that follow physical time where the
/// clocks agree and never go back, and that always come after every reading the replica has seen,
/// however far apart the replicas' clocks are.
///
/// - ``send(now:)`` (a local change, or a change about to be sent): wall = max(last wall, now);
///   the counter goes up by one if the wall did not move, else restarts at 0.
/// - ``receive(_:now:)`` (a change from another replica): wall = max(last wall, remote wall, now);
///   the counter is one more than the largest counter among the readings with that wall (0 when
///   only `now` has it).
///
/// The caller gives the time in milliseconds: the library never reads the clock.
///
/// ```swift
/// var clock = HybridLogicalClock(replica: replica)
/// let edit = clock.send(now: 1_764_979_200_000)
/// ```
public struct HybridLogicalClock: Sendable {
    public let replica: SyncID
    /// The latest reading this clock gave or saw, with the wall and counter it carries on from.
    public private(set) var wall: UInt64
    public private(set) var counter: UInt32

    /// A clock for `replica`, carrying on from `last` (the latest reading it stored), if any.
    public init(replica: SyncID, last: HybridTimestamp? = nil) {
        self.replica = replica
        wall = last?.wall ?? 0
        counter = last?.counter ?? 0
    }

    /// The reading for a local change at physical time `now`.
    public mutating func send(now: UInt64) -> HybridTimestamp {
        if now > wall {
            wall = now
            counter = 0
        } else {
            advance()
        }
        return HybridTimestamp(wall: wall, counter: counter, replica: replica)
    }

    /// Takes in `remote`, a reading from another replica, at physical time `now`; returns the
    /// reading of its arrival here, which comes after both `remote` and all this clock gave before.
    public mutating func receive(_ remote: HybridTimestamp, now: UInt64) -> HybridTimestamp {
        let latest = max(wall, remote.wall, now)
        if latest == wall, latest == remote.wall {
            counter = max(counter, remote.counter)
            advance()
        } else if latest == wall {
            advance()
        } else if latest == remote.wall {
            wall = latest
            counter = remote.counter
            advance()
        } else {
            wall = latest
            counter = 0
        }
        return HybridTimestamp(wall: wall, counter: counter, replica: replica)
    }

    /// One counter step; past the counter's end, the wall moves one millisecond ahead instead.
    private mutating func advance() {
        if counter == .max {
            wall += 1
            counter = 0
        } else {
            counter += 1
        }
    }
}
