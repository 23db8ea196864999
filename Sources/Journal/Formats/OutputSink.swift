import Foundation

/// A buffered writer onto a file descriptor the caller owns (a file or standard output).
///
/// Bytes are gathered into 64 KiB blocks and written with `write(2)`, retrying partial
/// writes and interruptions; a full disk or any other failure throws ``JournalError/io(path:reason:)``.
///
/// ```swift
/// let sink = OutputSink(descriptor: STDOUT_FILENO, name: "standard output")
/// try sink.write("id,performed_at\r\n")
/// try sink.flush()
/// ```
public final class OutputSink {
    public static let blockSize = 1 << 16

    private let descriptor: Int32
    private let name: String
    private var buffer: [UInt8] = []

    /// `name` is how messages refer to the destination (a path, or "standard output").
    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
        buffer.reserveCapacity(Self.blockSize)
    }

    public func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.blockSize { try flush() }
    }

    public func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.blockSize { try flush() }
    }

    /// Lets `body` append bytes to the buffer directly (the export's hot path).
    public func append(_ body: (inout [UInt8]) -> Void) throws {
        body(&buffer)
        if buffer.count >= Self.blockSize { try flush() }
    }

    /// Writes out everything buffered.
    public func flush() throws {
        var offset = 0
        try buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                guard let base = raw.baseAddress else { return }
                let written = Glibc.write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw JournalError.io(
                        path: name, reason: errno == ENOSPC ? "the disk is full" : String(cString: strerror(errno)))
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
