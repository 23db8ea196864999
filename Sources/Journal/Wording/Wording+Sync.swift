import Foundation

/// What `journal sync` says, in one place.
public enum SyncWords {
    /// `2026-12-07T14:05:00Z`: a moment in UTC, as sync's outputs give it (devices may be in other zones).
    public static func utc(_ seconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    private static func changes(_ count: Int) -> String { count == 1 ? "1 change" : "\(count) changes" }

    /// What a sync did, in one line (`Sent 3 changes. Received 5 changes from 1 other device.`).
    public static func summary(of outcome: SyncOutcome) -> String {
        let received = outcome.received.values.reduce(0, +)
        let devices = outcome.received.count
        var text =
            outcome.unsent > 0
            ? "Sent nothing: \(changes(outcome.unsent)) made here \(outcome.unsent == 1 ? "waits" : "wait") to be sent "
                + "(this journal's next file is refused, below)."
            : outcome.sent == 0 ? "Sent nothing new." : "Sent \(changes(outcome.sent))."
        text +=
            received == 0
            ? " Received nothing new."
            : " Received \(changes(received)) from \(devices == 1 ? "1 other device" : "\(devices) other devices")."
        if !outcome.settled.isEmpty {
            text += " Settled \(outcome.settled.count == 1 ? "1 conflict" : "\(outcome.settled.count) conflicts"):"
        }
        return text
    }

    /// A hold whose session (`entry`, dated `dated`) is dated after this device's clock.
    ///
    /// Merged from a device whose clock runs ahead (a typed session is never dated in the future).
    /// `journal resume` refuses with it, and `journal sync` says it when such a hold begins.
    public static func holdDatedAhead(exerciseID: String, entry: Int64, dated: LocalDateTime) -> String {
        "\(exerciseID) went on hold on session #\(entry), dated \(dated.shortText), which is after this "
            + "device's clock; a review answers only the sessions before it. If the device that recorded it has "
            + "its clock ahead, correct that session's time with `journal edit \(entry) --at WHEN`, then run "
            + "`journal resume \(exerciseID)`."
    }

    /// After `journal restore` (or undo of one) replaced a journal that synced through `folder`: the
    /// journal now in place does not sync (its sync set-up is never a backup's).
    public static func leftFolder(_ folder: String) -> String {
        "This journal no longer syncs through \(folder.terminalSafe): `journal sync init \(folder.terminalSafe)` "
            + "joins it again (as a new device whose records never win over newer changes made elsewhere)."
    }

    /// `journal sync status`.
    public static func status(_ status: SyncStatus) -> String {
        var lines = [
            "This device: replica \(status.replica)",
            "Sync folder: \(status.settings.folder.terminalSafe)",
            "Key: " + (status.settings.keyKind == .passphrase ? "a passphrase" : "age keys")
                + (status.settings.keyFile.map { ", read from \($0.terminalSafe)" } ?? ", asked at the terminal"),
            "Last sync: " + (status.lastSync.map(utc) ?? "never"),
            "Not yet sent: \(changes(status.unsent))",
        ]
        if status.replicas.isEmpty {
            lines.append("Other devices: none seen yet")
        } else {
            lines.append("Other devices:")
            for replica in status.replicas {
                lines.append(
                    "  \(replica.id): \(changes(Int(replica.changes))) merged"
                        + (replica.seenAt.map { ", latest at \(utc($0))" } ?? "")
                        + (replica.unread ? "; has files not merged yet (`journal sync`)" : ""))
            }
        }
        return lines.joined(separator: "\n")
    }
}
