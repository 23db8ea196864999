import Foundation
import Testing

@testable import Journal

/// The busy timeout's default and bounds (``BusyTimeout``).
@Suite struct BusyTimeoutTests {
    @Test func aTimeoutIsBroughtWithinZeroToAnHour() {
        #expect(BusyTimeout.defaultSeconds == 10)
        #expect(BusyTimeout.range == 0...3600)
        #expect(BusyTimeout.bounded(2.5) == 2.5)
        #expect(BusyTimeout.bounded(-1) == 0)
        #expect(BusyTimeout.bounded(1e9) == 3600)
        #expect(BusyTimeout.bounded(.infinity) == 3600)
        #expect(BusyTimeout.bounded(.nan) == 10)
    }
}
