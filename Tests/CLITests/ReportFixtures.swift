import Foundation
import Journal
import Testing

/// Journals a physiotherapist might be shown, made through the binary with the clock fixed
/// (Europe/London, `JOURNAL_NOW` 2026-11-21 21:00).
enum ReportFixtures {
    static let now = "2026-11-21T21:00:00+00:00"

    /// A sandbox whose clock reads `now`.
    static func sandbox() -> Sandbox {
        let sandbox = Sandbox(timeZone: "Europe/London")
        sandbox.environment["JOURNAL_NOW"] = now
        return sandbox
    }

    /// Daily sessions of glute-bridge, bird-dog and side-plank, and a morning check-in, each day.
    ///
    /// On each of the `days` days ending 2026-11-21, with a plan; a flare-up on bird-dog on 11-17 (5 → 7), a bad
    /// morning on 11-18 (pain 7) and a red-flag check-in (fever) on 11-19; a note every few days,
    /// one of them markup. With `everyNote`, a note on every session and check-in as well; with
    /// `psfs`, three PSFS activities rated on 1 Oct, 1 Nov and 20 Nov.
    static func dailySessions(days: Int, in sandbox: Sandbox, everyNote: Bool = false, psfs: Bool = false) throws {
        if psfs {
            for activity in ["putting on socks", "sitting through a film", "lifting a shopping bag"] {
                let added = try sandbox.run("psfs", "add", activity, "--at", "2026-10-01 09:00")
                try #require(added.status == 0, "\(added)")
            }
            for (day, scores) in [("2026-10-01", [3, 4, 2]), ("2026-11-01", [5, 5, 4]), ("2026-11-20", [6, 6, 5])] {
                for (id, score) in scores.enumerated() {
                    let rated = try sandbox.run("psfs", "rate", String(id + 1), String(score), "--at", "\(day) 09:05")
                    try #require(rated.status == 0, "\(rated)")
                }
            }
        }
        for (exercise, dose) in [
            ("glute-bridge", ["--sets", "3", "--reps", "10"]), ("bird-dog", ["--sets", "2", "--reps", "8"]),
            ("side-plank", ["--sets", "2", "--hold", "30"]),
        ] {
            let plan = try sandbox.run(
                ["plan", "set", exercise, "--per-week", "7", "--since", "2026-09-01"] + dose)
            try #require(plan.status == 0, "\(plan)")
        }
        for offset in stride(from: days - 1, through: 0, by: -1) {
            let day = try #require(LocalDate(iso8601: "2026-11-21")).adding(days: -offset).iso8601
            let index = days - offset
            let morning =
                day == "2026-11-18" ? "7" : day == "2026-11-19" ? "5" : String(3 + index % 2)
            var checkIn = ["checkin", "--pain", morning, "--at", "\(day) 07:30"]
            if day == "2026-11-19" {
                checkIn += ["--red-flag", "fever", "--note", "Hot and shivery overnight; GP today"]
            }
            if day == "2026-11-18" {
                checkIn += ["--note", "Bad morning, stiff getting out of bed, eased by lunchtime"]
            } else if everyNote && day != "2026-11-19" {
                checkIn += ["--note", "Morning \(index): stiff for ten minutes, then easier after a warm shower"]
            }
            let checked = try sandbox.run(checkIn)
            try #require([0, 1, 2, 3].contains(checked.status), "\(checked)")
            let note =
                everyNote || index % 5 == 0
                ? ["--note", "Day \(index): felt steady, a little tight on the left side"] : []
            try log(
                sandbox, "glute-bridge", "--sets", "3", "--reps", "10", "--pain-before", "4", "--pain-after", "3",
                "--at", "\(day) 08:00", extra: note)
            let flare = day == "2026-11-17"
            try log(
                sandbox, "bird-dog", "--sets", "2", "--reps", flare ? "8" : "6", "--pain-before", "5",
                "--pain-after", flare ? "7" : "4", "--at", "\(day) 08:15",
                extra: flare
                    ? ["--note", "<script>alert(1)</script> sharp pain on the right when extending the leg"]
                    : everyNote ? ["--note", "Slow and controlled, kept the hips level throughout"] : [])
            try log(
                sandbox, "side-plank", "--sets", "2", "--hold", "20", "--side", "both", "--pain-before", "4",
                "--pain-after", "4", "--at", "\(day) 18:00",
                extra: everyNote ? ["--note", "Held both sides, the right a little shakier than the left"] : [])
        }
    }

    /// A programme followed every day: a morning check-in and `exercises` one an hour from 08:00,
    /// each with a note of 100 to 200 characters, unlike any other, on each of the `days` days
    /// ending 2026-11-21.
    ///
    /// Pain is 4 before and 3 after each session, 3 or 4 at each check-in. With `sessionNotes`
    /// false the sessions carry no note; with `noteLength`, every note is cut or lengthened (its
    /// words repeated) to that many characters; each of `psfs`'s activities is rated on 1 Oct,
    /// 1 Nov and 18 Nov. `painAfter` gives other pain after, by day and exercise
    /// (`"2026-11-16 glute-bridge": 6`), and `redFlags` a red flag with a day's check-in
    /// (`"2026-11-19": "saddle-numbness"`). Returns the notes written, in order.
    @discardableResult
    static func programme(
        days: Int, exercises: [String], sessionNotes: Bool = true, noteLength: Int? = nil,
        psfs: [String] = [], painAfter: [String: Int] = [:], redFlags: [String: String] = [:], in sandbox: Sandbox
    ) throws -> [String] {
        for (index, activity) in psfs.enumerated() {
            let added = try sandbox.run("psfs", "add", activity, "--at", "2026-10-01 09:00")
            try #require(added.status == 0, "\(added)")
            for (day, score) in [("2026-10-01", 2), ("2026-11-01", 4), ("2026-11-18", 6)] {
                let rated = try sandbox.run(
                    "psfs", "rate", String(index + 1), String(score + index % 3), "--at", "\(day) 09:05")
                try #require(rated.status == 0, "\(rated)")
            }
        }
        func sized(_ note: String) -> String {
            guard let length = noteLength else { return note }
            let repeated = String(repeating: note + " ", count: length / note.count + 1)
            return String(repeated.prefix(length)).trimmingCharacters(in: .whitespaces)
        }
        var notes: [String] = []
        for offset in stride(from: days - 1, through: 0, by: -1) {
            let day = try #require(LocalDate(iso8601: "2026-11-21")).adding(days: -offset).iso8601
            let index = days - offset
            let morning = sized(
                "Morning \(index): stiff for about ten minutes on getting up, then easier after a warm shower "
                    + "and a short walk to the corner and back")
            notes.append(morning)
            let checked = try sandbox.run(
                ["checkin", "--pain", String(3 + index % 2), "--at", "\(day) 07:30", "--note", morning]
                    + (redFlags[day].map { ["--red-flag", $0] } ?? []))
            // 0, or the status that says a red flag was recorded (the check-in is saved either way).
            try #require(
                checked.status == 0 || redFlags[day] != nil && [1, 2, 3].contains(checked.status), "\(checked)")
            for (hour, exercise) in exercises.enumerated() {
                let dose =
                    exercise == "side-plank" ? ["--sets", "2", "--hold", "20"] : ["--sets", "3", "--reps", "10"]
                let note = sized(
                    "Day \(index) \(exercise): slow and controlled, kept the hips level throughout; a little "
                        + "tight on the left side at first, eased by set \(1 + (index + hour) % 3)")
                if sessionNotes { notes.append(note) }
                try log(
                    sandbox, exercise, "--pain-before", "4", "--pain-after",
                    String(painAfter["\(day) \(exercise)"] ?? 3),
                    "--at",
                    "\(day) \(String(format: "%02d", 8 + hour)):00",
                    extra: dose + (sessionNotes ? ["--note", note] : []))
            }
        }
        return notes
    }

    /// A planned fortnight in Auckland: five exercises planned 3 × 10 a day from 1 Nov, each done
    /// every day from 1 to 14 Nov, one an hour from 09:00, with a note of `noteLength` characters;
    /// a 07:00 check-in with a note each morning and night pain at 20:00 on the 10th.
    ///
    /// Pain is 3 before each session and 2, 3 or 4 after (day % 3 + 2): it rose on days 2, 5, 8,
    /// 11 and 14, so every exercise went on hold on 2 Nov, and rose again while held. Returns the
    /// notes of the second week (8 to 14 Nov), in order: 7 days of (1 + 5) notes, 42.
    static func plannedFortnight(noteLength: Int, in sandbox: Sandbox) throws -> [String] {
        let exercises = ["glute-bridge", "bird-dog", "pelvic-tilt", "hip-extension", "side-plank"]
        let text =
            "Felt stiff in the morning but loosened up after a walk around the block; a bit sore after, then "
            + "fine by lunch. Will try slower reps tomorrow as advised ok"
        sandbox.environment["JOURNAL_NOW"] = "2026-11-01T08:00:00+13:00"
        for exercise in exercises {
            let plan = try sandbox.run(
                "plan", "set", exercise, "--sets", "3", "--reps", "10", "--per-week", "7", "--since", "2026-11-01")
            try #require(plan.status == 0, "\(plan)")
        }
        var notes: [String] = []
        for day in 1...14 {
            let date = "2026-11-" + (day < 10 ? "0\(day)" : "\(day)")
            sandbox.environment["JOURNAL_NOW"] = "\(date)T22:00:00+13:00"
            let morning = "Morning check-in day \(day): stiff getting out of bed, eased after a shower and a short walk"
            let checked = try sandbox.run(
                "checkin", "--pain", String(day % 4 + 2), "--at", "\(date) 07:00", "--note", morning)
            try #require(checked.status == 0, "\(checked)")
            if day >= 8 { notes.append(morning) }
            for (index, exercise) in exercises.enumerated() {
                let note = String(text.prefix(noteLength)) + " \(exercise) \(day)"
                try log(
                    sandbox, exercise, "--pain-before", "3", "--pain-after", String(day % 3 + 2), "--sets", "3",
                    "--reps", "10", "--at", "\(date) \(9 + index):00",
                    extra: ["--note", note] + (exercise == "side-plank" ? ["--side", "left"] : []))
                if day >= 8 { notes.append(note) }
            }
            if day == 10 {
                let night = try sandbox.run(
                    "checkin", "--pain", "6", "--red-flag", "night-pain", "--at", "\(date) 20:00")
                try #require([0, 1, 2, 3].contains(night.status), "\(night)")
            }
        }
        sandbox.environment["JOURNAL_NOW"] = "2026-11-14T22:00:00+13:00"
        return notes
    }

    /// A week of a 07:00 check-in and five sessions a day, every entry with its own note.
    ///
    /// On the 7 days ending 2026-11-21, no plan: glute-bridge, bird-dog, side-plank,
    /// piriformis-stretch and pelvic-tilt, one an hour from 09:00; each note `noteLength`
    /// characters ("Note 7: The left side felt tight …", cut and ended with a full stop). Pain is 4
    /// at each check-in and 3 → 2 at each session. Returns the notes, in order: 42.
    ///
    /// With `planned`, each exercise is planned 3 × 10, 7 a week, from 1 Oct; with `riseEvery` N,
    /// every Nth session's pain rises to 5 after (the Nth, 2Nth, …: holds and stops left standing);
    /// `redFlags` are recorded with the 4th day's check-in.
    @discardableResult
    static func notedWeek(
        noteLength: Int, planned: Bool = false, riseEvery: Int = 0, redFlags: [String] = [], in sandbox: Sandbox
    ) throws -> [String] {
        let exercises = ["glute-bridge", "bird-dog", "side-plank", "piriformis-stretch", "pelvic-tilt"]
        for exercise in exercises where planned {
            let plan = try sandbox.run(
                "plan", "set", exercise, "--sets", "3", "--reps", "10", "--per-week", "7", "--since", "2026-10-01")
            try #require(plan.status == 0, "\(plan)")
        }
        let text = String(
            repeating: "The left side felt tight after the second set and eased with walking around the kitchen "
                + "for a few minutes afterwards. ", count: 12)
        var notes: [String] = []
        func note() -> String {
            let whole = "Note \(notes.count + 1): \(text)"
            notes.append(String(whole.prefix(noteLength - 1)) + ".")
            return notes[notes.count - 1]
        }
        var sessions = 0
        for offset in stride(from: 6, through: 0, by: -1) {
            let day = try #require(LocalDate(iso8601: "2026-11-21")).adding(days: -offset).iso8601
            let flags = offset == 3 ? redFlags.flatMap { ["--red-flag", $0] } : []
            let checked = try sandbox.run(
                ["checkin", "--pain", "4", "--at", "\(day) 07:00", "--note", note()] + flags)
            // 0, or the status that says a red flag was recorded (the check-in is saved either way).
            try #require(checked.status == 0 || !flags.isEmpty && [1, 2, 3].contains(checked.status), "\(checked)")
            for (index, exercise) in exercises.enumerated() {
                sessions += 1
                let dose =
                    exercise == "side-plank"
                    ? ["--hold", "30", "--sets", "2", "--side", "left"]
                    : exercise == "piriformis-stretch"
                        ? ["--sets", "3", "--reps", "10", "--side", "left"] : ["--sets", "3", "--reps", "10"]
                let after = riseEvery > 0 && sessions % riseEvery == 0 ? "5" : "2"
                try log(
                    sandbox, exercise, "--pain-before", "3", "--pain-after", after, "--at",
                    "\(day) \(9 + index):\(String(format: "%02d", index * 7))",
                    extra: dose + ["--note", note()])
            }
        }
        return notes
    }

    /// A programme followed every day, restored in one `journal import` of a full export (as
    /// `bench/print-sweep` makes its journals): fast enough for a month of 180 notes.
    ///
    /// On the `days` days ending 2026-11-21: a check-in (pain 3) at 07:10, then the first
    /// `exercises` of glute-bridge, bird-dog, piriformis-stretch, side-plank,
    /// kneeling-hip-flexor-stretch, pelvic-tilt, superman and front-plank, one every 90 minutes
    /// from 08:00 (UTC): 3 × 10 reps, or 2 × 30 s hold (piriformis-stretch and side-plank on the
    /// left side). Every entry has a note of `noteLength` characters, "Note 7: stiff lower back …",
    /// cut and ended with a full stop. Pain is 3 → 2, or 3 → 5 in every `riseEvery`th entry
    /// (counting the check-ins); `redFlags` are recorded with the given day's check-in (1 the
    /// first day). With `planned`, each exercise is planned at its dose, 7 a week, from the first
    /// day. With `typedLines`, each note is typed as lines of at most that many characters, one
    /// under the other (broken between words); with `text`, a note is "Note 7: " and that text,
    /// repeated and cut to `noteLength` (0: no notes). With `psfs`, five PSFS activities, each
    /// rated on the first, middle and last day with a note like the others, or, with
    /// `psfsEvery`, on the first day and every `psfsEvery`th day after it. With `reviewed`, a
    /// physiotherapist reviews each session whose pain rose 20 minutes after it (its hold
    /// lifted), the first with `reviewNote` as its note. Returns the notes, in order.
    @discardableResult
    static func imported(
        days: Int, exercises: Int, noteLength: Int, riseEvery: Int = 0, redFlags: [Int: [String]] = [:],
        planned: Bool = false, typedLines: Int? = nil, text words: String? = nil, psfs: Bool = false,
        psfsEvery: Int? = nil, reviewed: Bool = false, reviewNote: String? = nil, in sandbox: Sandbox
    ) throws -> [String] {
        let all: [(id: String, hold: Bool, side: String?)] = [
            ("glute-bridge", false, nil), ("bird-dog", false, nil), ("piriformis-stretch", true, "left"),
            ("side-plank", true, "left"), ("kneeling-hip-flexor-stretch", true, nil), ("pelvic-tilt", false, nil),
            ("superman", false, nil), ("front-plank", true, nil),
        ]
        let text = String(
            repeating: "stiff lower back eased after the warm up, a twinge on the left side when rising, kept "
                + "breathing slow as the physio said, walked the dog twice and slept badly again last night. ",
            count: 4)
        var notes: [String] = []
        func note() -> Any {
            guard noteLength > 0 else { return NSNull() }
            let number = "Note \(notes.count + 1): "
            var note =
                words.map { String((number + String(repeating: $0, count: noteLength)).prefix(noteLength)) }
                ?? String((number + text).prefix(noteLength - 1)) + "."
            if let width = typedLines {
                var lines: [String] = []
                for word in note.split(separator: " ") {
                    if let last = lines.last, last.count + 1 + word.count <= width {
                        lines[lines.count - 1] += " " + word
                    } else {
                        lines.append(String(word))
                    }
                }
                note = lines.joined(separator: "\n")
            }
            notes.append(note)
            return note
        }
        var entries: [[String: Any]] = []
        var checkIns: [[String: Any]] = []
        var reviews: [[String: Any]] = []
        for day in 1...days {
            let date = try #require(LocalDate(iso8601: "2026-11-21")).adding(days: day - days).iso8601
            checkIns.append([
                "id": day, "note": note(), "pain": 3, "performed_at": "\(date)T07:10:00+00:00",
                "red_flags": redFlags[day] ?? [],
            ])
            for (index, exercise) in all.prefix(exercises).enumerated() {
                let after = riseEvery > 0 && (checkIns.count + entries.count) % riseEvery == riseEvery - 1 ? 5 : 2
                entries.append([
                    "id": entries.count + 1, "exercise": exercise.id, "note": note(), "pain_before": 3,
                    "pain_after": after, "pain_change": after - 3, "flagged": false,
                    "performed_at":
                        "\(date)T\(String(format: "%02d:%02d", 8 + index * 3 / 2, index % 2 * 30)):00+00:00",
                    "sets": exercise.hold ? 2 : 3, "reps": exercise.hold ? NSNull() : 10,
                    "hold_seconds": exercise.hold ? 30 : NSNull(), "side": exercise.side ?? NSNull(),
                ])
                if reviewed, after > 3 {
                    let reviewNoteValue: Any = reviews.isEmpty ? reviewNote ?? NSNull() : NSNull()
                    reviews.append([
                        "id": reviews.count + 1, "exercise": exercise.id, "through_entry_id": entries.count,
                        "note": reviewNoteValue,
                        "reviewed_at":
                            "\(date)T\(String(format: "%02d:%02d", 8 + index * 3 / 2, index % 2 * 30 + 20)):00+00:00",
                    ])
                }
            }
        }
        let first = try #require(LocalDate(iso8601: "2026-11-21")).adding(days: 1 - days).iso8601
        let plan: [[String: Any]] =
            planned
            ? all.prefix(exercises).map { exercise in
                [
                    "exercise": exercise.id, "sets": exercise.hold ? 2 : 3, "reps": exercise.hold ? NSNull() : 10,
                    "hold_seconds": exercise.hold ? 30 : NSNull(), "per_week": 7, "since": first,
                ]
            } : []
        let activities: [[String: Any]] =
            psfs
            ? (1...5).map {
                [
                    "id": $0, "activity": "activity \($0): putting on socks and shoes",
                    "added_at": "\(first)T06:00:00+00:00", "retired_at": NSNull(),
                ]
            } : []
        var ratings: [[String: Any]] = []
        for activity in activities.indices where psfs {
            let rated = psfsEvery.map { Array(stride(from: 1, through: days, by: $0)) } ?? [1, (days + 1) / 2, days]
            for (index, day) in rated.enumerated() {
                let date = try #require(LocalDate(iso8601: "2026-11-21")).adding(days: day - days).iso8601
                ratings.append([
                    "id": ratings.count + 1, "activity_id": activity + 1, "rated_at": "\(date)T19:00:00+00:00",
                    "score": (activity + 1 + index) % 11, "note": note(),
                ])
            }
        }
        let export: [String: Any] = [
            "format": "journal-export", "version": 1, "entries": entries, "exercises": [], "checkins": checkIns,
            "plan": plan, "reviews": reviews, "psfs_activities": activities, "psfs_ratings": ratings,
            "red_flag_reviews": [], "settings": [],
        ]
        let path = sandbox.directory + "/programme.json"
        try JSONSerialization.data(withJSONObject: export).write(to: URL(fileURLWithPath: path))
        let run = try sandbox.run("import", path)
        try #require(run.status == 0, "\(run)")
        return notes
    }

    static func log(_ sandbox: Sandbox, _ arguments: String..., extra: [String] = []) throws {
        let run = try sandbox.run(["log"] + arguments + extra)
        // 0, or the status that says a safety rule fired (the entry is saved either way).
        try #require([0, 1, 2, 3].contains(run.status), "\(run)")
    }
}

/// Programs on PATH, by name.
enum Tools {
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"])
            .map { $0 + "/" + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let chromium = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(find).first
    static let pdfinfo = find("pdfinfo")
    static let pdftotext = find("pdftotext")
    static let python3 = find("python3")

    /// Why the rendering tests cannot run here, or `nil` when they can.
    static var missing: String? {
        let absent = [("chromium", chromium), ("pdfinfo", pdfinfo), ("pdftotext", pdftotext), ("python3", python3)]
            .filter { $0.1 == nil }.map(\.0)
        return absent.isEmpty ? nil : absent.joined(separator: ", ")
    }
}
