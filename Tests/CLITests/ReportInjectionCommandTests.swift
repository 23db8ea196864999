import Foundation
import Journal
import Testing

/// The HTML report is sent to a physiotherapist: whatever is in a free-text field reaches it as text.
///
/// Whatever a person (or a crafted export) puts there. Every field gets the usual payloads; the page is loaded in
/// headless Chromium, which would run any of them, and the DOM it ends with is read back.
@Suite(
    .enabled(
        if: Tools.missing == nil || ProcessInfo.processInfo.environment["CI"] != nil,
        "needs \(Tools.missing ?? "nothing") on PATH to render the HTML report (.ci/run installs them)"))
struct ReportInjectionCommandTests {
    let sandbox = ReportFixtures.sandbox()

    /// Each one, run, would change the document's title or add an attribute to the page.
    ///
    /// At most
    /// 80 characters, so that each also fits a PSFS activity.
    static let payloads = [
        #"x" onload="document.title='RAN1'" data-x=""#,
        #"x' onmouseover='document.title="RAN2"' y='"#,
        #"</title></svg><script>document.title='RAN3'</script>"#,
        #"<img src=x onerror="document.title='RAN4'"><b>bold</b>"#,
        #"javascript:document.title='RAN5' &lt;i&gt; &amp; & > < " '"#,
    ]

    /// Every element and attribute the report writes; nothing else may appear.
    static let elements: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "section", "ul", "li", "strong",
        "em", "span", "figure", "figcaption", "div", "table", "thead", "tbody", "tr", "th", "td", "footer", "svg",
        "g", "path", "circle", "rect", "line", "text",
    ]
    static let attributes: Set<String> = [
        "lang", "charset", "name", "property", "content", "class", "id", "viewbox", "role", "aria-label", "aria-hidden",
        "width",
        "height", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "d", "transform", "data-date", "data-entry",
    ]

    func make() throws {
        let ok: Set<Int32> = [0, 1, 2, 3]
        let added = try sandbox.run(
            "exercises", "add", "own-bridge", "--name", Self.payloads[0], "--category", "stability")
        try #require(added.status == 0, "\(added)")
        for (index, payload) in Self.payloads.enumerated() {
            let activity = try sandbox.run("psfs", "add", payload, "--at", "2026-11-01 09:00", "--json")
            try #require(activity.status == 0, "\(activity)")
            let object = try JSONSerialization.jsonObject(with: Data(activity.stdout.utf8)) as? [String: Any]
            let id = String(try #require(object?["id"] as? Int))
            for (day, score) in [("2026-11-01", "3"), ("2026-11-\(16 + index)", "6")] {
                let rated = try sandbox.run("psfs", "rate", id, score, "--at", "\(day) 09:05", "--note", payload)
                try #require(rated.status == 0, "\(rated)")
            }
            let day = "2026-11-\(15 + index)"
            let checked = try sandbox.run("checkin", "--pain", "3", "--at", "\(day) 07:30", "--note", payload)
            try #require(ok.contains(checked.status), "\(checked)")
            for exercise in ["glute-bridge", "own-bridge"] {
                try ReportFixtures.log(
                    sandbox, exercise, "--sets", "2", "--reps", "8", "--pain-before", "4", "--pain-after", "3",
                    "--at", "\(day) 08:0\(exercise == "own-bridge" ? 1 : 0)", extra: ["--note", payload])
            }
        }
        // A rise puts own-bridge on hold; a physiotherapist's review lifts it, with a note.
        try ReportFixtures.log(
            sandbox, "own-bridge", "--sets", "2", "--reps", "8", "--pain-before", "3", "--pain-after", "6",
            "--at", "2026-11-20 18:00", extra: ["--note", Self.payloads[2]])
        let resumed = try sandbox.run("resume", "own-bridge", "--at", "2026-11-21 10:00", "--note", Self.payloads[1])
        try #require(resumed.status == 0, "\(resumed)")
    }

    @Test func noPayloadInAnyFreeTextFieldRunsOrAddsAnAttribute() throws {
        try make()
        let page = sandbox.directory + "/report.html"
        let run = try sandbox.run("report", "--format", "html", "--output", page)
        try #require(run.status == 0, "\(run)")
        let chromium = try #require(Tools.chromium, "CI must install chromium (.ci/run does)")
        let dump = try execute(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(sandbox.directory)/chromium",
                "--virtual-time-budget=3000", "--dump-dom", "file://\(page)",
            ])
        let dom = sandbox.directory + "/dom.html"
        try dump.stdout.write(toFile: dom, atomically: true, encoding: .utf8)
        try #require(dump.stdout.contains("</html>"), "\(dump)")
        let parsed = try execute(try #require(Tools.python3), ["-c", Self.parse, dom])
        struct Parsed: Decodable {
            var title: String
            var elements: [String]
            var attributes: [String]
            var text: String
        }
        let result = try JSONDecoder().decode(Parsed.self, from: Data(parsed.stdout.utf8))
        // No script ran: the title is the report's own.
        #expect(result.title == "Progress report, 2026-11-15 to 2026-11-21")
        // Nothing but what the report writes.
        #expect(Set(result.elements).subtracting(Self.elements).isEmpty, "\(result.elements)")
        #expect(Set(result.attributes).subtracting(Self.attributes).isEmpty, "\(result.attributes)")
        // And every payload shows as it was written: in the notes, the PSFS table and its charts.
        for payload in Self.payloads {
            let shown = result.text.components(separatedBy: payload).count - 1
            // Three notes each (an entry of each exercise and a check-in), the PSFS row and chart caption.
            #expect(shown >= 5, "\(payload) shown \(shown) times")
        }
        // The review's note too.
        #expect(result.text.contains("hold lifted; " + Self.payloads[1]))
    }

    /// The same name, brought in by a full export made elsewhere, stays text.
    @Test func aCraftedFullExportsActivityStaysText() throws {
        #expect(try sandbox.run("psfs", "add", "putting on socks", "--at", "2026-11-01 09:00").status == 0)
        for (score, day) in [("3", "2026-11-01"), ("6", "2026-11-20")] {
            #expect(try sandbox.run("psfs", "rate", "1", score, "--at", "\(day) 09:05").status == 0)
        }
        try ReportFixtures.log(
            sandbox, "glute-bridge", "--sets", "2", "--reps", "8", "--pain-before", "4", "--pain-after", "3", "--at",
            "2026-11-20 08:00")
        let export = try sandbox.run("export", "--all", "--format", "json")
        try #require(export.status == 0, "\(export)")
        let payload = #"x\" onload=\"document.title='RAN'\" data-x=\""#
        let crafted = export.stdout.replacingOccurrences(of: "putting on socks", with: payload)
        try #require(crafted != export.stdout)
        let other = ReportFixtures.sandbox()
        let imported = try other.run(["import", "-"], stdin: crafted)
        try #require(imported.status == 0, "\(imported)")
        let html = try other.run("report", "--format", "html").stdout
        #expect(
            html.contains(#"aria-label="x&quot; onload=&quot;document.title=&#39;RAN&#39;&quot; data-x=&quot;: each"#))
        #expect(!html.contains(#"onload="document"#))
    }

    @Test func theEscapingFunctionWritesEveryMarkupCharacterAsAReference() {
        #expect(
            ReportHTML.escape(#"<a href="x" title='y'>&amp;</a>"#)
                == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;")
    }

    /// Python: the DOM's title, every element and attribute name, and its text, as JSON.
    static let parse = #"""
        import sys, json
        from html.parser import HTMLParser
        class P(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.elements, self.attributes, self.text, self.title, self.in_title = set(), set(), [], '', False
            def handle_starttag(self, tag, attrs):
                self.elements.add(tag)
                self.attributes.update(name for name, _ in attrs)
                self.in_title = tag == 'title' and 'svg' not in self.elements
            def handle_startendtag(self, tag, attrs):
                self.handle_starttag(tag, attrs)
            def handle_endtag(self, tag):
                self.in_title = False
            def handle_data(self, data):
                if self.in_title and not self.title:
                    self.title = data
                self.text.append(data)
        p = P()
        p.feed(open(sys.argv[1], encoding='utf-8').read())
        print(json.dumps({'title': p.title, 'elements': sorted(p.elements), 'attributes': sorted(p.attributes),
                          'text': ''.join(p.text)}))
        """#
}
