import Foundation
import Journal

extension StoreOptions {
    /// The region in force (``RegionSetting``): `JOURNAL_REGION`, the journal's setting, the locale.
    ///
    /// Advice never waits on storage: when the journal cannot be read, the region comes from the
    /// environment alone and a line on standard error says why.
    func regionSetting() throws -> RegionSetting {
        let environment = ProcessInfo.processInfo.environment
        var stored: String?
        do {
            stored = try openForReading()?.storedRegion()
        } catch let error as JournalError {
            Console.err("journal: could not read the journal's region setting (\(error)); using the environment's.")
        }
        return try RegionSetting.resolve(stored: stored, environment: environment)
    }
}
