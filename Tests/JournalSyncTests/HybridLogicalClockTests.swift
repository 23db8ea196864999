import Testing

@testable import JournalSync
@testable import SyncFormat

private let laptop = SyncID(unchecked: Array(repeating: 0, count: 15) + [0x0A])
private let desktop = SyncID(unchecked: Array(repeating: 0, count: 15) + [0x0B])
private let noon: UInt64 = 1_764_936_000_000
private let tenMinutes: UInt64 = 600_000
private let oneDay: UInt64 = 86_400_000

@Suite struct HybridLogicalClockTests {
    @Test func localChangesFollowTheClockAndCountWithinAMillisecond() {
        var clock = HybridLogicalClock(replica: laptop)
        #expect(clock.send(now: noon) == .init(wall: noon, counter: 0, replica: laptop))
        #expect(clock.send(now: noon) == .init(wall: noon, counter: 1, replica: laptop))
        #expect(clock.send(now: noon + 5) == .init(wall: noon + 5, counter: 0, replica: laptop))
        // The clock went back ten minutes: readings keep to the last wall and count on.
        #expect(clock.send(now: noon - tenMinutes) == .init(wall: noon + 5, counter: 1, replica: laptop))
    }

    @Test func receivingTakesTheLatestWallAndCountsPastIt() {
        var clock = HybridLogicalClock(replica: laptop)
        _ = clock.send(now: noon)
        // The remote reading is ahead: its wall, its counter plus one.
        let ahead = HybridTimestamp(wall: noon + 100, counter: 4, replica: desktop)
        #expect(clock.receive(ahead, now: noon + 1) == .init(wall: noon + 100, counter: 5, replica: laptop))
        // Same wall here and there: the larger counter plus one.
        let same = HybridTimestamp(wall: noon + 100, counter: 9, replica: desktop)
        #expect(clock.receive(same, now: noon + 2) == .init(wall: noon + 100, counter: 10, replica: laptop))
        // The remote reading is behind: this clock counts on.
        let behind = HybridTimestamp(wall: noon, counter: 50, replica: desktop)
        #expect(clock.receive(behind, now: noon + 3) == .init(wall: noon + 100, counter: 11, replica: laptop))
        // Physical time is ahead of both: it, counter 0.
        #expect(clock.receive(behind, now: noon + 200) == .init(wall: noon + 200, counter: 0, replica: laptop))
    }

    @Test func theReplicaIdBreaksATie() {
        let here = HybridTimestamp(wall: noon, counter: 3, replica: laptop)
        let there = HybridTimestamp(wall: noon, counter: 3, replica: desktop)
        #expect(here < there)
        #expect([there, here].max() == there)
        #expect(here.text < there.text)
    }

    /// The desktop's clock is behind by ten minutes, then by a day: what it writes after it has
    /// seen the laptop's change still comes after it, on both replicas.
    @Test(arguments: [tenMinutes, oneDay])
    func aChangeMadeAfterSeeingAnotherComesAfterItWhateverTheClocks(skew: UInt64) {
        var laptopClock = HybridLogicalClock(replica: laptop)
        var desktopClock = HybridLogicalClock(replica: desktop)
        let edit = laptopClock.send(now: noon)
        _ = desktopClock.receive(edit, now: noon - skew)
        let laterEdit = desktopClock.send(now: noon - skew + 1_000)
        #expect(edit < laterEdit)
        #expect(laterEdit == .init(wall: noon, counter: 2, replica: desktop))
        // Back on the laptop, its own next change comes after the desktop's.
        _ = laptopClock.receive(laterEdit, now: noon + 1)
        #expect(laterEdit < laptopClock.send(now: noon + 2))
    }

    /// Two edits made without knowing of each other: the one with the later reading wins, and
    /// every replica, whatever its clock, picks the same one.
    @Test(arguments: [tenMinutes, oneDay])
    func concurrentChangesAreOrderedTheSameEverywhere(skew: UInt64) {
        var laptopClock = HybridLogicalClock(replica: laptop)
        var desktopClock = HybridLogicalClock(replica: desktop)
        let onLaptop = laptopClock.send(now: noon)
        let onDesktop = desktopClock.send(now: noon - skew)
        #expect([onLaptop, onDesktop].max() == onLaptop)
        #expect([onDesktop, onLaptop].max() == onLaptop)
    }

    @Test func aClockCarriesOnFromItsStoredReading() {
        var clock = HybridLogicalClock(replica: laptop, last: .init(wall: noon, counter: 7, replica: laptop))
        #expect(clock.send(now: noon - oneDay) == .init(wall: noon, counter: 8, replica: laptop))
    }

    @Test func theTextFormRoundTripsAndSortsAsTheReadings() {
        let reading = HybridTimestamp(wall: noon, counter: 0x1F, replica: desktop)
        #expect(reading.text == "001764936000000-0000001f-0000000000000000000000000000000b")
        #expect(HybridTimestamp(text: reading.text) == reading)
        #expect(HybridTimestamp(text: "1764936000000-0000001f-0000000000000000000000000000000b") == nil)
        #expect(HybridTimestamp(text: "001764936000000-0000001F-0000000000000000000000000000000b") == nil)
        let earlier = HybridTimestamp(wall: noon - 1, counter: 0xFFFF, replica: laptop)
        #expect(earlier < reading)
        #expect(earlier.text < reading.text)
    }
}
