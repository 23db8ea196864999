import Foundation

/// A small disk of the sandbox's own (a tmpfs), for what a full or read-only disk does; mounting one
/// needs root, so each test that uses it says why it is skipped elsewhere.
extension Sandbox {
    /// Runs `body` with a small tmpfs mounted in the sandbox, or prints why the test is skipped.
    func withSmallDisk(_ test: String = #function, _ body: (String) throws -> Void) throws {
        guard geteuid() == 0, let mount = which("mount"), let umount = which("umount") else {
            print("skipped \(test): mounting a tmpfs needs root and mount(8)")
            return
        }
        let folder = directory + "/disk"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Room for a new journal while its migrations run (their write-ahead log passes 1 MB since
        // v23), which each test then fills.
        let mounted = try execute(mount, ["-t", "tmpfs", "-o", "size=4m", "tmpfs", folder])
        guard mounted.status == 0 else {
            print("skipped \(test): cannot mount a tmpfs here (\(mounted.stderr.trimmingCharacters(in: .newlines)))")
            return
        }
        defer { _ = try? execute(umount, [folder]) }
        try body(folder)
    }

    /// Remounts the tmpfs at `folder` read-only (`ro`) or writable again (`rw`); `false` after
    /// printing why the test stops there, when the remount is refused.
    func remount(_ folder: String, _ mode: String, _ test: String = #function) throws -> Bool {
        let run = try execute(try tool("mount"), ["-o", "remount,\(mode)", folder])
        if run.status != 0 { print("skipped the rest of \(test): cannot remount a tmpfs \(mode) here (\(run.stderr))") }
        return run.status == 0
    }
}
