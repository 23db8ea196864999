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
    /// Whether a block has reached the descriptor yet (for ``TestStop``'s `output-writing`).
    private var started = false
    /// Where the blocks go instead of the descriptor (an encryptor), when set.
    private let consumer: (([UInt8]) throws -> Void)?

    /// `name` is how messages refer to the destination (a path, or "standard output").
    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
        consumer = nil
        buffer.reserveCapacity(Self.blockSize)
    }

    /// A sink whose blocks go to `consumer` (such as an ``AgeEncryptor``) instead of a file.
    public init(name: String, consumer: @escaping ([UInt8]) throws -> Void) {
        descriptor = -1
        self.name = name
        self.consumer = consumer
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
        if let consumer {
            try consumer(buffer)
            buffer.removeAll(keepingCapacity: true)
            return
        }
        var offset = 0
        try buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                guard let base = raw.baseAddress else { return }
                let written = Glibc.write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw JournalError.io(
                        path: name, reason: errno == ENOSPC ? JournalError.diskFull : String(cString: strerror(errno)))
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
        if !started {
            started = true
            TestStop.at("output-writing")
        }
    }
}
