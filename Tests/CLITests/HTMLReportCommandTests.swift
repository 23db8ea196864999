import Foundation
import Testing

/// The HTML report as a person sees it: rendered by headless Chromium to PNG and PDF.
///
/// `.ci/run` installs Chromium, poppler-utils and Python; elsewhere the test runs when they are
/// present, and says why when it does not.
@Suite struct HTMLReportCommandTests {
    let sandbox = Sandbox()

    func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let run = try execute(executable, arguments)
        return (run.status, run.stdout)
    }

    @Test func rendersToANonBlankImageAndATwoPageA4Document() throws {
        let chromium = which("chromium-browser") ?? which("google-chrome") ?? installedByCI("chromium")
        guard let chromium, let pdfinfo = installedByCI("pdfinfo"), let python = installedByCI("python3") else {
            return
        }
        for (day, before, after) in [(1, 5, 4), (2, 5, 4), (3, 3, 5), (4, 5, 4), (6, 5, 4), (7, 2, 2)] {
            let log = try sandbox.run(
                "log", day == 3 ? "side-plank" : "glute-bridge", "--pain-before", "\(before)", "--pain-after",
                "\(after)",
                "--at", "2026-11-0\(day) 07:30", "--note", "<script>document.body.innerHTML=''</script> day \(day)")
            try #require(log.status == 0, "\(log)")
        }
        let page = sandbox.directory + "/report.html"
        let report = try sandbox.run(
            "report", "--from", "2026-11-01", "--to", "2026-11-07", "--format", "html", "--output", page)
        #expect(report.status == 0, "\(report)")
        #expect(try FileManager.default.attributesOfItem(atPath: page)[.posixPermissions] as? Int == 0o600)

        let png = sandbox.directory + "/report.png"
        let pdf = sandbox.directory + "/report.pdf"
        let common = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--user-data-dir=\(sandbox.directory)/chromium",
        ]
        _ = try run(chromium, common + ["--window-size=900,1400", "--screenshot=\(png)", "file://\(page)"])
        _ = try run(chromium, common + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://\(page)"])

        // Decode the PNG and count pixels that are not white: a page that rendered has text and charts,
        // one emptied by the note's script (were it run) would not.
        let (status, output) = try run(python, ["-c", Self.pngInk, png])
        #expect(status == 0, "\(output)")
        let ink = Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(ink > 0.02, "only \(ink) of the screenshot is not white")

        let (_, info) = try run(pdfinfo, [pdf])
        #expect(info.contains("Pages:           2"), "\(info)")
        #expect(info.contains("(A4)"), "not A4: \(info)")
    }

    /// Python: the fraction of non-white pixels of an 8-bit RGB(A) PNG, decoded with zlib alone.
    static let pngInk = #"""
        import sys, zlib, struct
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\x89PNG\r\n\x1a\n'
        pos, idat = 8, b''
        while pos < len(data):
            length, kind = struct.unpack('>I4s', data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            if kind == b'IHDR':
                width, height, depth, color = struct.unpack('>IIBB', body[:10])
            elif kind == b'IDAT':
                idat += body
            pos += 12 + length
        assert depth == 8 and color in (2, 6)
        bpp = 3 if color == 2 else 4
        raw, stride = zlib.decompress(idat), width * bpp
        previous, ink, i = bytearray(stride), 0, 0
        for _ in range(height):
            kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b = previous[x]; c = previous[x - bpp] if x >= bpp else 0
                if kind == 1: line[x] = (line[x] + a) & 255
                elif kind == 2: line[x] = (line[x] + b) & 255
                elif kind == 3: line[x] = (line[x] + (a + b) // 2) & 255
                elif kind == 4:
                    p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            ink += sum(1 for x in range(0, stride, bpp) if min(line[x:x + 3]) < 200)
            previous = line
        print(ink / (width * height))
        """#
}
