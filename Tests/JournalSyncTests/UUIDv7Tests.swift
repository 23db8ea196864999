import TestSupport
import Testing

@testable import JournalSync

@Suite struct UUIDv7Tests {
    /// RFC 9562, appendix A.6: the example UUIDv7 for 2022-02-22 19:22:22 UTC.
    @Test func theRFCExampleIsLaidOutAsTheRFCSays() throws {
        let id = UUIDv7(milliseconds: 0x017F_22E2_79B0, counter: 0xCC3, random: 0x18C4_DC0C_0C07_398F)
        #expect(id.string == "017f22e2-79b0-7cc3-98c4-dc0c0c07398f")
        #expect(id.milliseconds == 1_645_557_742_000)
        #expect(UUIDv7(string: "017F22E2-79B0-7CC3-98C4-DC0C0C07398F") == id)
    }

    @Test func everyIdHasVersionSevenAndTheRFCVariant() {
        var random = SplitMix(seed: 7)
        var generator = UUIDv7Generator()
        for step in 0..<1000 {
            let id = generator.next(milliseconds: 1_764_979_200_000 + UInt64(step / 10), using: &random)
            #expect(id.bytes[6] >> 4 == 7)
            #expect(id.bytes[8] >> 6 == 0b10)
            #expect(UUIDv7(string: id.string) == id)
        }
    }

    @Test func idsMadeInOneMillisecondStillGrowPastTheCounter() {
        var random = SplitMix(seed: 9)
        var generator = UUIDv7Generator()
        var previous = generator.next(milliseconds: 1_000, using: &random)
        // More ids than the 12-bit counter holds: the last ones move a millisecond ahead.
        for _ in 0..<5000 {
            let id = generator.next(milliseconds: 1_000, using: &random)
            #expect(previous < id)
            #expect(previous.string < id.string)
            previous = id
        }
        #expect(previous.milliseconds > 1_000)
        #expect(previous.milliseconds <= 1_003)
    }

    @Test func idsStillGrowWhenTheClockGoesBack() {
        var random = SplitMix(seed: 11)
        var generator = UUIDv7Generator()
        let first = generator.next(milliseconds: 1_764_979_200_000, using: &random)
        let second = generator.next(milliseconds: 1_764_979_200_000 - 600_000, using: &random)
        #expect(first < second)
        #expect(second.milliseconds == 1_764_979_200_000)
        let third = generator.next(milliseconds: 1_764_979_200_001, using: &random)
        #expect(third.milliseconds == 1_764_979_200_001)
    }

    @Test(arguments: [
        "017f22e2-79b0-6cc3-98c4-dc0c0c07398f", "017f22e2-79b0-7cc3-c8c4-dc0c0c07398f",
        "017f22e279b07cc398c4dc0c0c07398f", "017f22e2-79b0-7cc3-98c4-dc0c0c07398g", "",
    ])
    func textThatIsNotAUUIDv7IsRefused(text: String) {
        #expect(UUIDv7(string: text) == nil)
    }
}
