import Foundation
import Journal

extension StoreOptions {
    /// The region in force (``RegionSetting``): `JOURNAL_REGION`, the journal's setting, the locale.
    ///
    /// Advice never waits on storage: when the journal cannot be read, or holds a region this
    /// version does not know, the region comes from the environment alone and a line on standard
    /// error says why. An unknown `JOURNAL_REGION` is refused (64): it was typed for this command.
    ///
    /// With `fallingBack` false (commands whose advice comes from the journal anyway), a journal
    /// that cannot be read throws its own error, as the command would.
    func regionSetting(fallingBack: Bool = true) throws -> RegionSetting {
        try regionSetting(unread: fallingBack ? .fallingBack : .refused)
    }

    /// The region in force, as ``regionSetting(fallingBack:)``, doing `unread` when the journal cannot be read.
    private func regionSetting(unread: RegionUnread) throws -> RegionSetting {
        let stored = try readingRegion(unread) { try $0.storedRegion() }
        return try Self.region(RegionSetting.inForce(stored: stored, environment: ProcessInfo.processInfo.environment))
    }

    /// The region in force, as ``regionSetting(fallingBack:)`` falling back, for a screen that
    /// shows the region's advice (`journal safety`): with the values journal never writes, read
    /// with the region in one read, for ``StoredDamage/finish(problems:status:note:)`` to name.
    func regionScreen(now: Int64?) throws -> (setting: RegionSetting, problems: [StoredValueProblem]) {
        let read = try readingRegion(.fallingBack) { try $0.storedRegionSnapshot(now: now) }
        let setting = try Self.region(
            RegionSetting.inForce(stored: read?.value ?? nil, environment: ProcessInfo.processInfo.environment))
        return (setting, read?.problems ?? [])
    }

    /// What `read` reads of the journal, `nil` when there is none; when the journal cannot be read,
    /// what `unread` says.
    private func readingRegion<T>(_ unread: RegionUnread, _ read: (JournalStore) throws -> T?) throws -> T? {
        do {
            return try openForReading().flatMap(read)
        } catch let error as JournalError {
            switch unread {
            case .refused: throw error
            case .fallingBack:
                Console.err(Self.regionUnread(because: error))
                return nil
            case .fallingBackThenRefused:
                Console.err(Self.regionUnread(because: nil))
                throw error
            }
        }
    }

    /// The line that says the journal's region could not be read and the environment's is used:
    /// with `reason`, or, when the command's error follows and says it, `nil` (the reason is told once).
    static func regionUnread(because reason: JournalError?) -> String {
        "journal: could not read the journal's region setting (\(reason?.descriptionForReading ?? "the reason follows")); "
            + "using the environment's."
    }

    /// Prints `advice` in the region's words before the command saves anything.
    ///
    /// `advice` tells what the typed values alone mean (a check-in's red flags, an entry's rise in
    /// pain), so a full disk, a held lock or a journal that cannot be read cannot silence it. Answers
    /// the words, for what follows, and what `advice` answered.
    ///
    /// When the region cannot be read (`unread`, ``RegionUnread``), or is refused, the advice is printed
    /// in the environment's words, else generic ones, and the error follows: the command could not save.
    func printingAdvanceFirst<T>(
        unread: RegionUnread = .fallingBackThenRefused, _ advice: (RegionalAdvice) -> T
    ) throws -> (words: RegionalAdvice, told: T) {
        let words: RegionalAdvice
        do {
            words = try regionSetting(unread: unread).advice
        } catch {
            let environment = try? RegionSetting.inForce(stored: nil, environment: ProcessInfo.processInfo.environment)
            _ = advice(environment?.advice ?? RegionalAdvice(region: nil))
            throw error
        }
        return (words, advice(words))
    }

    /// The region a screen read with the journal (`read`, ``RegionSetting/inForce(stored:environment:)``),
    /// or the environment's when there is no journal (`nil`); says on standard error when the
    /// journal's region was set aside.
    static func region(_ read: RegionSetting?) throws -> RegionSetting {
        let setting = try read ?? RegionSetting.inForce(stored: nil, environment: ProcessInfo.processInfo.environment)
        if let code = setting.setAside {
            Console.err(
                "journal: the journal's region \(Wording.sqlLiteral(code).terminalSafe) is not one this version "
                    + "knows; using the environment's (`journal config set region CODE` sets another).")
        }
        return setting
    }
}

/// What a command does when the journal cannot be read for its region.
enum RegionUnread {
    /// Throws the journal's error, as the command would: its advice comes from the journal anyway.
    case refused
    /// Says why on standard error and goes on in the environment's words.
    case fallingBack
    /// Says so on standard error, the reason left to the journal's error, thrown once the advice is
    /// told: a command that must save cannot.
    case fallingBackThenRefused
}
