import Age

/// The key of a sync folder: one passphrase (scrypt), or X25519 recipients to write to with the
/// identities that read.
///
/// ```swift
/// let key = SyncKey.x25519(recipients: [identity.recipient], identities: [identity])
/// ```
public enum SyncKey: Sendable {
    case passphrase([UInt8])
    case x25519(recipients: [AgeRecipient], identities: [AgeIdentity])
}
