import Foundation
import Testing

/// A real spreadsheet opens the CSV export: LibreOffice Calc, with formulas evaluated and spaces
/// trimmed, must find no formula in any exported cell and show each note as its text.
@Suite struct SpreadsheetCommandTests {
    let sandbox = Sandbox()

    /// The path of LibreOffice's `soffice`, if installed (`.ci/run` installs libreoffice-calc-nogui).
    static let soffice: String? = which("soffice")

    /// Notes a spreadsheet could take for a formula, in every form the export neutralises.
    static let notes = [
        "=1+1", " =1+1", "  +1+1", "\t=1+1", "\n=1+1", "\r\n=1+1", "-1+1", "+1+1", "@SUM(1;2)",
        " =HYPERLINK(\"http://example.com\";\"click\")", "=HYPERLINK(\"x\"), \"quoted\"\nline two",
        "'already quoted", "plain text",
    ]

    /// Each cell of the first sheet of `csv` as LibreOffice reads it (comma-separated, UTF-8,
    /// quoted fields as text off, spaces trimmed, formulas evaluated): its formula, if any, and its text.
    func cells(of csv: String) throws -> [[Cell]] {
        let soffice = try #require(Self.soffice)
        let input = sandbox.directory + "/sheet.csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: input))
        // Tokens: separator, quote, UTF-8, first line, formats, language, quoted as text, detect special
        // numbers, (3 export tokens), trim spaces, (export token), evaluate formulas.
        let filter = "Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,true,-1,true"
        let converted = try execute(
            soffice,
            [
                "--headless", "--norestore", "-env:UserInstallation=file://\(sandbox.directory)/lo-profile",
                "--infilter=\(filter)", "--convert-to", "fods", "--outdir", sandbox.directory, input,
            ],
            environment: ["HOME": sandbox.directory, "PATH": "/usr/bin:/bin"])
        let output = sandbox.directory + "/sheet.fods"
        try #require(FileManager.default.fileExists(atPath: output), "\(converted)")
        let reader = try execute(
            tool("python3"),
            [
                "-c",
                """
                import json, sys, xml.etree.ElementTree as ET
                t = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0'
                p = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0'
                def text(node):
                    parts = [node.text or '']
                    for child in node:
                        if child.tag == '{%s}s' % p:
                            parts.append(' ' * int(child.get('{%s}c' % p, '1')))
                        elif child.tag == '{%s}tab' % p:
                            parts.append('\\t')
                        elif child.tag == '{%s}line-break' % p:
                            parts.append('\\n')
                        else:
                            parts.append(text(child))
                        parts.append(child.tail or '')
                    return ''.join(parts)
                table = next(ET.parse(sys.argv[1]).iter('{%s}table' % t))
                rows = []
                for row in table.iter('{%s}table-row' % t):
                    cells = []
                    for cell in row.findall('{%s}table-cell' % t):
                        text_ = '\\n'.join(text(q) for q in cell.findall('{%s}p' % p))
                        repeat = int(cell.get('{%s}number-columns-repeated' % t, '1'))
                        cells += [[cell.get('{%s}formula' % t), text_]] * min(repeat, 20)
                    rows.append(cells)
                print(json.dumps(rows))
                """,
                output,
            ])
        let decoded = try JSONSerialization.jsonObject(with: Data(reader.stdout.utf8)) as? [[[Any]]]
        let rows = try #require(decoded, "\(reader)")
        return rows.map { row in row.map { Cell(formula: $0[0] as? String, text: $0[1] as? String ?? "") } }
    }

    struct Cell: Equatable {
        var formula: String?
        var text: String
    }

    @Test(.enabled(if: soffice != nil, "LibreOffice (soffice) is not installed: the spreadsheet check is skipped"))
    func noExportedCellBecomesAFormula() throws {
        // The check itself: unneutralised cells do become formulas here, trimmed spaces and all.
        let control = try cells(of: "a,b\r\n=1+1, =2+2\r\n")
        #expect(control[1].map(\.formula) == ["of:=1+1", "of:=2+2"])

        for (index, note) in Self.notes.enumerated() {
            try sandbox.log(
                "bird-dog", "--pain-before", "3", "--pain-after", "\(index % 2 == 0 ? 2 : 4)", "--at",
                "2026-11-\(10 + index) 08:00", "--note=" + note)
        }
        let rows = try cells(of: try sandbox.run("export").stdout)
        try #require(rows.count >= Self.notes.count + 1)
        for row in rows {
            for cell in row { #expect(cell.formula == nil, "a formula: \(cell)") }
        }
        for (index, note) in Self.notes.enumerated() {
            let shown = try #require(rows[index + 1].count > 11 ? rows[index + 1][11].text : nil)
            // LibreOffice shows the neutralising ' as part of the text.
            let expected = note == "plain text" ? note : "'" + note
            #expect(shown == expected.replacingOccurrences(of: "\r\n", with: "\n"), "note \(index)")
        }
    }
}
