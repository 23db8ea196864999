import Age
import Foundation
import TestSupport
import Testing

/// `journal sync` converges (issue #28), through the real binary.
///
/// Three devices, each with its own journal, its own clock and its own copy of the sync folder,
/// which the test copies between them
/// as a sync tool would (some files, in any order, a file sometimes only half copied before it is
/// copied whole), with seeded random changes and syncs between. At the end every copy is copied
/// into every other and each device syncs: all three hold the same journal.
///
/// `JOURNAL_TEST_SEED` replays a printed seed, or tries another.
@Suite struct SyncConvergencePropertyTests {
    /// Noon UTC on ``Sandbox/today``, device 1's clock at the start.
    static let start: Int64 = 1_795_608_000

    /// Exercises counted in repetitions, so that `log`, `edit` and `plan set` take `--reps`.
    static let exercises = ["glute-bridge", "bird-dog", "pelvic-tilt"]

    /// Devices syncing through age keys, each with its own copy of the folder (`copies`) or all
    /// through one folder (`shared`); counts the processes the test runs.
    final class Fleet {
        let devices: [Sandbox]
        let folders: [String]
        let keyFiles: [String]
        let recipients: [String]
        /// Each device's `JOURNAL_NOW`, Unix seconds.
        var clocks: [Int64]
        var processes = 0

        init(offsets: [Int64], shared: Bool) throws {
            let made = offsets.map { _ in Sandbox() }
            devices = made
            folders = made.map { (shared ? made[0] : $0).directory + "/sync" }
            let identities = made.map { _ in AgeIdentity.generate() }
            recipients = identities.map(\.recipient.string)
            keyFiles = made.map { $0.directory + "/sync-key.txt" }
            for (identity, path) in zip(identities, keyFiles) {
                let made = FileManager.default.createFile(
                    atPath: path, contents: Data((identity.string + "\n").utf8),
                    attributes: [.posixPermissions: 0o600])
                try #require(made, "cannot write \(path)")
            }
            clocks = offsets.map { SyncConvergencePropertyTests.start + $0 }
        }

        var count: Int { devices.count }

        /// Runs `journal` on device `index` at its clock.
        @discardableResult
        func run(_ index: Int, _ arguments: [String], stdin: String? = nil) throws -> Run {
            devices[index].environment["JOURNAL_NOW"] = String(clocks[index])
            processes += 1
            return try devices[index].run(arguments, stdin: stdin)
        }

        /// Starts `journal` on device `index` at its clock, to stop at `point` (``Child``).
        func start(_ index: Int, _ arguments: [String], stopAt point: String) throws -> Child {
            devices[index].environment["JOURNAL_NOW"] = String(clocks[index])
            processes += 1
            return try Child(devices[index], arguments, stopAt: point)
        }

        /// `journal sync init` on device `index` with every device's recipient and its own identity.
        func initialize(_ index: Int) throws -> Run {
            try run(
                index,
                ["sync", "init", folders[index]] + recipients.flatMap { ["--recipient", $0] } + [
                    "--identity", keyFiles[index],
                ])
        }

        /// Device `index`'s entries, as `list --json` writes them.
        func entries(_ index: Int) throws -> [[String: Any]] {
            let run = try run(index, ["list", "--json", "--limit", "1000000"])
            // Exit 65 names a value the journal holds as put in from outside; the list is printed still.
            #expect(run.status == 0, "list on device \(index + 1): \(run)")
            return try #require(
                try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]], "\(run)")
        }

        /// The files in device `index`'s copy of the folder, by name relative to it, with their sizes:
        /// the id file and each replica's numbered files (a sync's own `.partial` files left out).
        func files(_ index: Int) throws -> [String: Int] {
            var found: [String: Int] = [:]
            let folder = folders[index]
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [:] }
            for name in names {
                if name == "journal-sync-folder.age" {
                    found[name] = try size(folder + "/" + name)
                } else if name.count == 32 {
                    for file in try FileManager.default.contentsOfDirectory(atPath: folder + "/" + name)
                    where file.hasSuffix(".jsync") {
                        found[name + "/" + file] = try size(folder + "/" + name + "/" + file)
                    }
                }
            }
            return found
        }

        private func size(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        }

        /// Copies `names` from device `from`'s copy of the folder into device `to`'s, as a sync tool does.
        ///
        /// A file `to` has whole already is left alone; with `prefix`, only the first bytes
        /// of a file (a copy not finished). Every copy of a name holds a prefix of the same bytes
        /// (a replica writes each file once), so a longer one is never replaced by a shorter.
        /// Returns what it copied, `name` or `name (n of m bytes)`.
        func copy(_ names: [String], from: Int, to: Int, prefix: (String, Int) -> Int? = { _, _ in nil }) throws
            -> [String]
        {
            let source = try files(from)
            let target = try files(to)
            var copied: [String] = []
            for name in names {
                guard let size = source[name], (target[name] ?? -1) < size else { continue }
                var bytes = try Data(contentsOf: URL(fileURLWithPath: folders[from] + "/" + name))
                if let cut = prefix(name, size), cut > (target[name] ?? 0), cut < size {
                    bytes = bytes.prefix(cut)
                    copied.append("\(name) (\(cut) of \(size) bytes)")
                } else {
                    copied.append(name)
                }
                let path = folders[to] + "/" + name
                let parent = (path as NSString).deletingLastPathComponent
                try FileManager.default.createDirectory(
                    atPath: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                try bytes.write(to: URL(fileURLWithPath: path))
            }
            return copied
        }

        /// Copies every copy of the folder into every other, whole.
        func copyEverywhere() throws {
            for from in 0..<count {
                for to in 0..<count where to != from {
                    _ = try copy(Array(try files(from).keys), from: from, to: to)
                }
            }
        }
    }

    /// What the random changes did to entries, to say which must be on every device at the end.
    struct Model {
        /// The tag of each entry's note (`[op 17]`) whose `log` exited 0, and of every `log` run.
        var logged: Set<String> = []
        var tried: Set<String> = []
        /// Tags of entries some device deleted, or whose log it undid.
        var deleted: Set<String> = []
        var undone: Set<String> = []
        /// Exit statuses by operation, for the summary.
        var statuses: [String: [Int32: Int]] = [:]

        mutating func note(_ operation: String, _ status: Int32) {
            statuses[operation, default: [:]][status, default: 0] += 1
        }
    }

    /// The `[op N]` tag that starts a note the test wrote.
    static func tag(of note: Any?) -> String? {
        guard let note = note as? String, note.hasPrefix("[op "), let end = note.firstIndex(of: "]") else {
            return nil
        }
        return String(note[...end])
    }

    /// The same journal on every device: `export --all --no-aliases` byte for byte, and `check --json`,
    /// both read at one moment (the latest device clock, since "today" shapes what `check` says).
    ///
    /// Without `--no-aliases` (a binary from before it), the exports are compared with every `id`
    /// and `through_*` key taken out and each list sorted, and the test says so.
    static func expectSameJournal(_ fleet: Fleet) throws {
        let now = fleet.clocks.max() ?? start
        let saved = fleet.clocks
        fleet.clocks = fleet.clocks.map { _ in now }
        defer { fleet.clocks = saved }
        var exports = try (0..<fleet.count).map { try fleet.run($0, ["export", "--all", "--no-aliases"]) }
        if exports[0].status == 64, exports[0].stderr.contains("no-aliases") {
            print("export --all has no --no-aliases here: comparing exports without id, *_id and through_* keys")
            exports = try (0..<fleet.count).map {
                var run = try fleet.run($0, ["export", "--all"])
                run.stdout = try withoutAliases(run.stdout)
                return run
            }
        }
        for (index, export) in exports.enumerated() {
            #expect(export.status == 0, "export on device \(index + 1): \(export)")
        }
        for index in 1..<fleet.count where exports[index].stdout != exports[0].stdout {
            let differences = difference(exports[0].stdout, exports[index].stdout)
            Issue.record("device \(index + 1)'s export differs from device 1's:\n\(differences)")
        }
        // Record numbers are each journal's own (docs/sync.md, "Conflicts"): `check --json`'s
        // `entry_id` and `checkin_id` may differ; everything else must not, its order too.
        let checks = try (0..<fleet.count).map { try fleet.run($0, ["check", "--json"]) }
        func withoutNumbers(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("\"entry_id\" :") && !$0.contains("\"checkin_id\" :") }
                .joined(separator: "\n")
        }
        for index in 1..<fleet.count {
            #expect(checks[index].status == checks[0].status, "\(checks[0])\n\(checks[index])")
            let one = withoutNumbers(checks[0].stdout)
            let other = withoutNumbers(checks[index].stdout)
            if one != other {
                Issue.record("device \(index + 1)'s check --json differs from device 1's:\n\(difference(one, other))")
            }
        }
    }

    /// The lines of `one` that `other` lacks (`-`), then those `other` has that `one` lacks (`+`).
    static func difference(_ one: String, _ other: String) -> String {
        let left = one.split(separator: "\n", omittingEmptySubsequences: false)
        let right = other.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for (from, to, sign) in [(left, right, "- "), (right, left, "+ ")] {
            var counts: [Substring: Int] = [:]
            for line in to { counts[line, default: 0] += 1 }
            for line in from {
                if counts[line, default: 0] > 0 { counts[line, default: 0] -= 1 } else { lines.append(sign + line) }
            }
        }
        return lines.isEmpty ? "(the same lines in another order)" : lines.joined(separator: "\n")
    }

    /// A JSON text without the record numbers each journal gives its own way (every `id`, `*_id`
    /// and `through_*` key), every list sorted, keys sorted.
    static func withoutAliases(_ text: String) throws -> String {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { $0.key != "id" && !$0.key.hasPrefix("through_") && !$0.key.hasSuffix("_id") }
                    .mapValues(strip)
            }
            if let list = value as? [Any] {
                return list.map(strip).sorted { canonical($0) < canonical($1) }
            }
            return value
        }
        func canonical(_ value: Any) -> String {
            guard JSONSerialization.isValidJSONObject(value),
                let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
            else { return "\(value)" }
            return String(decoding: data, as: UTF8.self)
        }
        return canonical(strip(try JSONSerialization.jsonObject(with: Data(text.utf8))))
    }

    /// Every entry whose log exited 0 is on every device once, unless a device deleted it or undid
    /// its log; none whose log was undone is anywhere; no entry the test did not log.
    static func expectEntries(_ fleet: Fleet, _ model: Model) throws {
        for index in 0..<fleet.count {
            let tags = try fleet.entries(index).map { Self.tag(of: $0["note"]) }
            var seen: [String: Int] = [:]
            for tag in tags {
                guard let tag else {
                    Issue.record("device \(index + 1) holds an entry with no note the test wrote: \(tags)")
                    continue
                }
                seen[tag, default: 0] += 1
            }
            for (tag, times) in seen where times > 1 {
                Issue.record("device \(index + 1) holds the entry \(tag) \(times) times")
            }
            for tag in seen.keys where !model.tried.union(model.logged).contains(tag) {
                Issue.record("device \(index + 1) holds \(tag), which no log wrote")
            }
            for tag in model.logged.subtracting(model.deleted).subtracting(model.undone) where seen[tag] == nil {
                Issue.record("device \(index + 1) lost the entry \(tag): logged, never deleted nor undone")
            }
            for tag in model.undone where seen[tag] != nil {
                Issue.record("device \(index + 1) holds the entry \(tag), whose log was undone")
            }
        }
    }

    /// Runs `journal sync --json` on device `index`; returns the run and the changes it sent and received.
    static func sync(_ fleet: Fleet, _ index: Int) throws -> (run: Run, sent: Int, received: Int) {
        let run = try fleet.run(index, ["sync", "--json"])
        let object = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [String: Any]
        return (run, object?["sent_changes"] as? Int ?? -1, object?["received_changes"] as? Int ?? -1)
    }

    @Test func threeDevicesWithTheirOwnFolderCopiesConverge() throws {
        var random = SplitMix(seed: 2026_1207)
        func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
        func chance(_ one: Int, in count: Int) -> Bool { pick(count) < one }
        let began = Date()
        // Device 2's clock 10 minutes ahead of device 1's, device 3's a day.
        let fleet = try Fleet(offsets: [0, 600, 86_400], shared: false)
        var model = Model()
        var trace: [String] = []
        func tick(_ index: Int) { fleet.clocks[index] += 60 * Int64(1 + pick(5)) }

        // Each device logs before it joins; device 1 makes the folder, the others join their copies of it.
        for index in 0..<fleet.count {
            let tag = "[op 0.\(index + 1)]"
            let run = try fleet.run(
                index, ["log", Self.exercises[index], "--pain-before", "2", "--pain-after", "2", "--note", tag])
            try #require(run.status == 0, "\(run)")
            model.logged.insert(tag)
        }
        for index in 0..<fleet.count {
            if index > 0 { _ = try fleet.copy(Array(try fleet.files(index - 1).keys), from: index - 1, to: index) }
            let run = try fleet.initialize(index)
            try #require(run.status == 0, "sync init on device \(index + 1): \(run)")
        }

        let operations: [(String, Int)] = [
            ("log", 7), ("edit", 3), ("delete", 1), ("undo", 2), ("checkin", 2), ("resume", 1), ("plan", 2),
            ("psfs", 2), ("sync", 7), ("copy", 8),
        ]
        let total = operations.map(\.1).reduce(0, +)
        for number in 1...40 {
            let device = pick(fleet.count)
            tick(device)
            var draw = pick(total)
            let operation =
                operations.first {
                    draw -= $0.1
                    return draw < 0
                }?.0 ?? "log"
            let tag = "[op \(number)]"
            var arguments: [String] = []
            var status: Int32 = 0
            switch operation {
            case "log":
                let before = pick(6)
                arguments = [
                    "log", Self.exercises[pick(3)], "--pain-before", "\(before)", "--pain-after",
                    "\(max(0, before - 1 + pick(5)))", "--sets", "\(1 + pick(3))", "--reps", "\(5 + pick(10))",
                    "--note", tag,
                ]
                status = try fleet.run(device, arguments).status
                model.tried.insert(tag)
                if status == 0 { model.logged.insert(tag) }
            case "edit", "delete":
                // By their notes, not their numbers: each journal numbers its own.
                let entries = try fleet.entries(device).sorted { "\($0["note"] ?? "")" < "\($1["note"] ?? "")" }
                guard !entries.isEmpty else {
                    trace.append("op \(number) device \(device + 1): \(operation), no entry")
                    continue
                }
                let entry = entries[pick(entries.count)]
                let id = "\(entry["id"] ?? "")"
                let note = Self.tag(of: entry["note"])
                if operation == "edit" {
                    arguments = ["edit", id]
                    if chance(1, in: 2) { arguments += ["--pain-after", "\(pick(8))"] }
                    if chance(1, in: 2) { arguments += ["--sets", "\(1 + pick(4))"] }
                    if arguments.count == 2 || chance(1, in: 2) {
                        arguments += ["--note", "\(note ?? "[op ?]") edited at op \(number)"]
                    }
                    status = try fleet.run(device, arguments).status
                } else {
                    arguments = ["delete", id, "--yes"]
                    status = try fleet.run(device, arguments).status
                    if status == 0, let note { model.deleted.insert(note) }
                }
            case "undo":
                arguments = ["undo", "--json"]
                let run = try fleet.run(device, arguments)
                status = run.status
                let object = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [String: Any]
                if status == 0, object?["kind"] as? String == "log",
                    let removed = Self.tag(of: (object?["removed_entry"] as? [String: Any])?["note"])
                {
                    model.undone.insert(removed)
                    arguments.append("(undid \(removed))")
                }
            case "checkin":
                arguments = ["checkin", "--pain", "\(pick(8))", "--note", tag]
                if chance(1, in: 4) { arguments += ["--red-flag", ["fever", "one-leg", "night-pain"][pick(3)]] }
                status = try fleet.run(device, arguments).status
            case "resume":
                arguments =
                    chance(1, in: 3)
                    ? ["resume", "--red-flags", "--note", tag]
                    : ["resume", Self.exercises[pick(3)], "--note", tag]
                status = try fleet.run(device, arguments).status
            case "plan":
                arguments =
                    chance(2, in: 3)
                    ? [
                        "plan", "set", Self.exercises[pick(3)], "--sets", "\(1 + pick(3))", "--reps", "\(8 + pick(5))",
                        "--per-week", "\(3 + pick(4))",
                    ]
                    : ["plan", "remove", Self.exercises[pick(3)]]
                status = try fleet.run(device, arguments).status
            case "psfs":
                let run = try fleet.run(device, ["psfs", "--json"])
                // By their words, not their numbers: each journal numbers its own.
                let activities =
                    (((try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [String: Any])?[
                        "activities"] as? [[String: Any]] ?? []).sorted {
                        "\($0["activity"] ?? "")" < "\($1["activity"] ?? "")"
                    }
                if activities.isEmpty || chance(1, in: 3) {
                    arguments = ["psfs", "add", "activity of op \(number)"]
                } else {
                    arguments = [
                        "psfs", "rate", "\(activities[pick(activities.count)]["id"] ?? 1)", "\(pick(11))", "--note",
                        tag,
                    ]
                }
                status = try fleet.run(device, arguments).status
            case "sync":
                let run = try Self.sync(fleet, device)
                arguments = ["sync", "(sent \(run.sent), received \(run.received))"]
                status = run.run.status
                // A half-copied file is refused (65) and read at a later sync; nothing else fails.
                #expect([0, 65].contains(status), "op \(number), sync on device \(device + 1): \(run.run)")
            default:
                let from = (device + 1 + pick(fleet.count - 1)) % fleet.count
                // Some of the files `device` lacks whole, a third of those only in part.
                let here = try fleet.files(device)
                let names = try fleet.files(from).filter { (here[$0.key] ?? -1) < $0.value }.keys.sorted().filter {
                    _ in chance(2, in: 3)
                }
                let copied = try fleet.copy(names, from: from, to: device) { _, size in
                    chance(1, in: 3) ? 1 + pick(size - 1) : nil
                }
                arguments = ["copy from device \(from + 1):"] + copied
            }
            model.note(operation, status)
            trace.append("op \(number) device \(device + 1): \(arguments.joined(separator: " ")) -> \(status)")
        }
        print(trace.joined(separator: "\n"))

        // Every copy of the folder into every other before each sync, each device twice in turn.
        for round in 1...2 {
            for index in 0..<fleet.count {
                try fleet.copyEverywhere()
                tick(index)
                let run = try Self.sync(fleet, index)
                #expect(run.run.status == 0, "round \(round), device \(index + 1): \(run.run)")
            }
        }
        // Converged: a further round sends and receives nothing.
        for index in 0..<fleet.count {
            try fleet.copyEverywhere()
            let run = try Self.sync(fleet, index)
            #expect(run.run.status == 0, "\(run.run)")
            #expect(run.sent == 0 && run.received == 0, "device \(index + 1) after converging: \(run.run)")
        }
        try Self.expectSameJournal(fleet)
        try Self.expectEntries(fleet, model)
        print(
            "statuses: \(model.statuses.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.sorted { $0.key < $1.key })" })"
        )
        print(
            "\(model.logged.count) entries logged, \(model.deleted.count) deleted, \(model.undone.count) undone; "
                + "\(fleet.processes) processes in \(Int(Date().timeIntervalSince(began))) s")
    }

    /// A sync killed (SIGKILL) at a named point is finished by the device's next sync.
    ///
    /// Killed after its file is placed in the folder (`sync-file-placed`) or after any one of the
    /// changesets it merges (`sync-merged-one`), whatever was logged meanwhile: the devices converge,
    /// no entry twice, none lost. Three devices through one folder, age keys.
    @Test func aSyncKilledAtAnyPointIsFinishedByTheNext() throws {
        var random = SplitMix(seed: 2026_1208)
        func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
        let began = Date()
        let fleet = try Fleet(offsets: [0, 600, 86_400], shared: true)
        var logged: [String] = []
        var number = 0
        func log(_ index: Int) throws {
            number += 1
            fleet.clocks[index] += 60 * Int64(1 + pick(5))
            let tag = "[op \(number)]"
            let run = try fleet.run(
                index,
                [
                    "log", Self.exercises[pick(3)], "--pain-before", "2", "--pain-after", "\(1 + pick(3))", "--note",
                    tag,
                ])
            try #require(run.status == 0, "\(run)")
            logged.append(tag)
        }
        for index in 0..<fleet.count {
            try log(index)
            let run = try fleet.initialize(index)
            try #require(run.status == 0, "sync init on device \(index + 1): \(run)")
        }
        var trace: [String] = []
        for round in 1...10 {
            for _ in 0..<(1 + pick(3)) { try log(pick(fleet.count)) }
            let device = pick(fleet.count)
            // The others send what they logged, most of the time: changes for `device` to merge.
            for other in 0..<fleet.count where other != device && pick(3) > 0 {
                let run = try Self.sync(fleet, other)
                #expect(run.run.status == 0, "round \(round), device \(other + 1): \(run.run)")
            }
            let point = ["sync-file-placed", "sync-merged-one"][pick(2)]
            // A sync places one file: past the first stop only at a merge.
            let passes = point == "sync-merged-one" ? pick(2) : 0
            fleet.clocks[device] += 60
            let child = try fleet.start(device, ["sync"], stopAt: point)
            var stops = 0
            var stopped = child.waitForStop()
            while stopped && stops < passes {
                stops += 1
                child.resume()
                stopped = child.waitForStop()
            }
            if stopped {
                child.kill(SIGKILL)
                #expect(child.wait() == 128 + SIGKILL)
                trace.append("round \(round): device \(device + 1)'s sync killed at \(point) #\(stops + 1)")
            } else {
                // It ended before reaching that point again: a whole sync.
                #expect(child.wait() == 0, "\(child.stdout)\(child.stderr)")
                trace.append("round \(round): device \(device + 1)'s sync ended before \(point) #\(stops + 1)")
            }
            // Sometimes a log, or another device's sync, before the next sync of this one.
            switch pick(3) {
            case 0: try log(device)
            case 1:
                let other = (device + 1 + pick(fleet.count - 1)) % fleet.count
                let run = try Self.sync(fleet, other)
                #expect(run.run.status == 0, "round \(round), device \(other + 1): \(run.run)")
            default: break
            }
            let next = try Self.sync(fleet, device)
            #expect(next.run.status == 0, "round \(round), device \(device + 1) after the kill: \(next.run)")
        }
        print(trace.joined(separator: "\n"))
        for round in 1...2 {
            for index in 0..<fleet.count {
                let run = try Self.sync(fleet, index)
                #expect(run.run.status == 0, "round \(round), device \(index + 1): \(run.run)")
            }
        }
        try Self.expectSameJournal(fleet)
        var model = Model()
        model.logged = Set(logged)
        try Self.expectEntries(fleet, model)
        print(
            "\(logged.count) entries logged; \(fleet.processes) processes in \(Int(Date().timeIntervalSince(began))) s")
    }

    /// Two sessions of one exercise logged at the same minute on two devices are in the same order
    /// on both, so `check` says the same on both.
    ///
    /// Device 1 logs glute-bridge 2 → 3 at 12:10 and device 2 glute-bridge 2 → 1 at 12:10; then
    /// device 1 logs 2 → 1 at 12:20 and 2 → 3 at 12:21. Each journal numbers its own entry first: a
    /// rule that broke the tie of 12:10 by that number would read rises in 2 of the last 3 sessions
    /// at 12:21 (`repeated`) on device 2 only (the kill test, seed 2, found that on a work in progress).
    @Test func sessionsAtTheSameMinuteOnTwoDevicesReadTheSameOnBoth() throws {
        let fleet = try Fleet(offsets: [0, 0], shared: true)
        for index in 0..<2 { try #require(try fleet.initialize(index).status == 0) }
        func log(_ index: Int, at minute: Int64, _ before: Int, _ after: Int) throws {
            fleet.clocks[index] = Self.start + 60 * minute
            let run = try fleet.run(
                index,
                [
                    "log", "glute-bridge", "--pain-before", "\(before)", "--pain-after", "\(after)", "--note",
                    "[op \(index + 1).\(minute)]",
                ])
            try #require(run.status == 0, "\(run)")
        }
        try log(0, at: 10, 2, 3)
        try log(1, at: 10, 2, 1)
        try log(0, at: 20, 2, 1)
        try log(0, at: 21, 2, 3)
        for _ in 0..<2 {
            for index in 0..<2 { try #require(try Self.sync(fleet, index).run.status == 0) }
        }
        try Self.expectSameJournal(fleet)
    }

    /// A review merged from another device names the readings of a third device's records it had
    /// seen; before this journal has merged those records, the review is no value put in from
    /// outside (found by the property test, seed 43 with 100 operations).
    ///
    /// Device 3 logs a rise and syncs; device 2 merges it, records a review (`resume`) and syncs;
    /// device 1 gets device 2's files only, and syncs: its screens must not exit 65 naming the
    /// review's `seen` as a value journal never writes.
    @Test func aReviewMergedBeforeWhatItSawIsNoOutsideValue() throws {
        let fleet = try Fleet(offsets: [0, 1200, 600], shared: false)
        for index in 0..<3 {
            if index > 0 { _ = try fleet.copy(Array(try fleet.files(index - 1).keys), from: index - 1, to: index) }
            try #require(try fleet.initialize(index).status == 0)
        }
        let replicas = try (0..<3).map { index in
            let run = try fleet.run(index, ["sync", "status", "--json"])
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            return try #require(object?["replica"] as? String, "\(run)")
        }
        fleet.clocks[2] += 600
        try #require(
            try fleet.run(2, ["log", "glute-bridge", "--pain-before", "2", "--pain-after", "4"]).status == 0)
        try #require(try Self.sync(fleet, 2).run.status == 0)
        _ = try fleet.copy(Array(try fleet.files(2).keys), from: 2, to: 1)
        fleet.clocks[1] += 600
        try #require(try Self.sync(fleet, 1).run.status == 0)
        let resume = try fleet.run(1, ["resume", "glute-bridge"])
        try #require(resume.status == 0, "\(resume)")
        try #require(try Self.sync(fleet, 1).run.status == 0)
        let fromDevice2 = try fleet.files(1).keys.filter { $0.hasPrefix(replicas[1]) }
        _ = try fleet.copy(Array(fromDevice2), from: 1, to: 0)
        fleet.clocks[0] += 600
        let sync = try Self.sync(fleet, 0)
        #expect(sync.run.status == 0, "\(sync.run)")
        let check = try fleet.run(0, ["check"])
        // The review names a reading of device 3 that device 1 has not merged yet: no value from
        // outside, and the rise it has not seen stays unknown here until device 3's files arrive.
        #expect(check.status == 0, "\(check)")
        #expect(!check.stderr.contains("never writes"), "\(check)")
    }
}
