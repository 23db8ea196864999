import Plot

/// The HTML report's charts as inline SVG: the daily pain chart, one small chart per exercise and
/// one per PSFS activity (as wide as an exercise's, its text the same size, a shorter plot).
///
/// Geometry is in SVG user units inside each chart's frame; tests read the drawing back and
/// check it against figures worked out by hand.
///
/// The pain chart, 640 × 250: the plot runs from x 60 to 620 and from y 28 (pain 10) to y 198
/// (pain 0), 17 units a point; each day has an equal slot and sits in its middle; finding
/// markers stand above the plot, centred on y 14.
///
/// ```swift
/// ReportCharts.pain.x(day: 0, of: 7) // 100.0
/// ReportCharts.pain.y(pain: 7)       // 79.0
/// ```
public enum ReportCharts {
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
    }

    /// A chart's drawing area, in SVG user units.
    public struct Frame: Sendable, Hashable {
        public var width: Double
        public var height: Double
        public var left: Double
        public var right: Double
        public var top: Double
        public var bottom: Double
        /// The largest font size the page gives its text, in user units (to keep labels inside).
        public var largestFont: Double

        public var plotWidth: Double { width - left - right }
        public var plotHeight: Double { height - top - bottom }
        /// The baseline of the day labels, below the plot.
        public var labelBaseline: Double { top + plotHeight + 24 }

        /// The x of day `index` of `count`: the middle of its slot, each day an equal slot.
        public func x(day index: Int, of count: Int) -> Double {
            left + (Double(index) + 0.5) * plotWidth / Double(max(count, 1))
        }

        /// The y of a pain value on the 0–10 scale (10 at the top).
        public func y(pain value: Double) -> Double {
            top + (10 - value) / 10 * plotHeight
        }
    }

    /// The daily pain chart.
    public static let pain = Frame(width: 640, height: 250, left: 60, right: 20, top: 28, bottom: 52, largestFont: 20)
    /// One exercise's sessions.
    public static let exercise = Frame(
        width: 280, height: 150, left: 40, right: 10, top: 12, bottom: 44, largestFont: 17)
    /// One PSFS activity's ratings: an exercise chart's width and text (printed five to a row,
    /// the same size), its plot 60 units high, not 94, and no axis title under its dates, so
    /// that the row of charts takes 2 % of a printed page less (a week of 4 exercises a day
    /// and 300-character notes left 10 % of page 1 empty, the row too tall for it).
    public static let psfs = Frame(width: 280, height: 104, left: 40, right: 10, top: 12, bottom: 32, largestFont: 17)

    /// The line's runs of consecutive days with a value; a day without one breaks the line.
    public static func segments(_ values: [Double?], in frame: Frame = pain) -> [[Point]] {
        var segments: [[Point]] = []
        var current: [Point] = []
        for (index, value) in values.enumerated() {
            guard let value else {
                if !current.isEmpty { segments.append(current) }
                current = []
                continue
            }
            current.append(Point(x: frame.x(day: index, of: values.count), y: frame.y(pain: value)))
        }
        if !current.isEmpty { segments.append(current) }
        return segments
    }

    /// An SVG path: `M x y L x y …` for each run, coordinates to one decimal.
    public static func path(_ segments: [[Point]]) -> String {
        segments.map { run in
            run.enumerated().map { index, point in
                "\(index == 0 ? "M" : "L")\(format(point.x)) \(format(point.y))"
            }.joined(separator: " ")
        }.joined(separator: " ")
    }

    /// Reads a path written by ``path(_:)`` back into runs of points.
    public static func parse(path: String) -> [[Point]] {
        var segments: [[Point]] = []
        let parts = path.split(separator: " ")
        var index = 0
        while index + 1 < parts.count {
            let command = parts[index].first
            guard let x = Double(parts[index].dropFirst()), let y = Double(parts[index + 1]) else { break }
            if command == "M" || segments.isEmpty { segments.append([]) }
            segments[segments.count - 1].append(Point(x: x, y: y))
            index += 2
        }
        return segments
    }

    /// The days that get a label: every `step`-th from the first, at most `most` of them.
    static func labelledDays(count: Int, most: Int) -> [Int] {
        let step = max(1, (count + most - 1) / most)
        return Array(stride(from: 0, to: count, by: step))
    }

    /// A day's label: "14 Nov", or the ISO date when the period runs into another year.
    static func label(_ date: LocalDate, period: Period) -> String {
        period.from.year == period.to.year ? Figures.dayMonth(date) : date.iso8601
    }

    /// `value` to one decimal: "79.0".
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded(.toNearestOrAwayFromZero))
        return "\(tenths < 0 ? "-" : "")\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    // MARK: Marks, shared by the charts and their legends

    /// A triangle pointing up, 14 wide and 12 high, its top at (x, y): a day with a safety finding.
    static func triangle(x: Double, y: Double) -> String { "M\(format(x)) \(format(y)) l7 12 h-14 z" }

    /// A diamond 14 wide and 14 high, its top at (x, y): a day with a red flag.
    static func diamond(x: Double, y: Double) -> String { "M\(format(x)) \(format(y)) l7 7 l-7 7 l-7 -7 z" }

    /// A square of side 7 centred on (x, y): a check-in.
    static func square(x: Double, y: Double) -> [String: String] {
        ["x": format(x - 3.5), "y": format(y - 3.5), "width": "7", "height": "7"]
    }

    // MARK: SVG

    typealias Body = Node<HTML.BodyContext>

    /// An SVG (or any) element with attributes, written in name order, and children.
    ///
    /// Plot writes
    /// attribute values as given, so each value goes through ``ReportHTML/escape(_:)`` here: a
    /// name of `x" onload="…` stays one attribute's text.
    static func element(_ name: String, _ attributes: [String: String], _ children: [Body] = []) -> Body {
        let attributeNodes: [Body] = attributes.sorted { $0.key < $1.key }.map {
            .attribute(named: $0.key, value: ReportHTML.escape($0.value))
        }
        return .element(named: name, nodes: attributeNodes + children)
    }

    static func text(_ content: String, _ attributes: [String: String]) -> Body {
        element("text", attributes, [.plain(content)])
    }

    /// The daily pain chart: mean pain before and after, the worst pain after, check-in pain, and a
    /// marker above each day with findings (a diamond for a red flag, else a triangle).
    static func painChart(_ report: ProgressReport) -> Body {
        let frame = pain
        let days = report.days
        let n = days.count
        var nodes = beforeJournal(frame, report) + grid(frame, ticks: [0, 2, 4, 6, 8, 10], title: "Pain (0–10)")
        nodes += dayAxis(frame, period: report.period, most: 7)
        for (id, kind, values) in [
            ("pain-before", "before", days.map(\.pain.beforeMean)), ("pain-after", "after", days.map(\.pain.afterMean)),
            ("checkin-pain", "checkin", days.map(\.checkIns.painMean)),
        ] {
            let d = path(segments(values))
            if !d.isEmpty { nodes.append(element("path", ["id": id, "class": "line \(kind)", "d": d])) }
        }
        for (series, values) in [("before", days.map(\.pain.beforeMean)), ("after", days.map(\.pain.afterMean))] {
            nodes += values.enumerated().compactMap { index, value in
                value.map {
                    element(
                        "circle",
                        [
                            "class": "dot \(series)", "r": "3", "cx": format(frame.x(day: index, of: n)),
                            "cy": format(frame.y(pain: $0)),
                        ])
                }
            }
        }
        nodes.append(
            element(
                "g", ["id": "checkin-points", "class": "checkin"],
                days.enumerated().compactMap { index, day in
                    day.checkIns.painMean.map { mean in
                        element(
                            "rect",
                            square(x: frame.x(day: index, of: n), y: frame.y(pain: mean)).merging([
                                "class": "square", "data-date": day.date.iso8601,
                            ]) { $1 },
                            [element("title", [:], [.plain("\(day.date): check-in pain \(Figures.oneDecimal(mean))")])])
                    }
                }))
        nodes.append(
            element(
                "g", ["id": "worst-after", "class": "worst"],
                days.enumerated().compactMap { index, day in
                    day.pain.afterMax.map { worst in
                        element(
                            "circle",
                            [
                                "class": "ring", "r": "5.5", "cx": format(frame.x(day: index, of: n)),
                                "cy": format(frame.y(pain: Double(worst))), "data-date": day.date.iso8601,
                            ],
                            [element("title", [:], [.plain("\(day.date): worst pain after \(worst)")])])
                    }
                }))
        nodes.append(
            element(
                "g", ["id": "finding-markers"],
                days.enumerated().compactMap { index, day in
                    day.worstSeverity.map { severity in
                        let x = frame.x(day: index, of: n)
                        let redFlag = severity >= .seeDoctor
                        return element(
                            "path",
                            [
                                "class": redFlag ? "marker red-flag" : "marker finding",
                                "d": redFlag ? diamond(x: x, y: 7) : triangle(x: x, y: 8),
                                "data-date": day.date.iso8601,
                            ],
                            [
                                element(
                                    "title", [:],
                                    [
                                        .plain(
                                            "\(day.date): \(Wording.count(day.findings, "finding", "findings")), "
                                                + "the most severe \(severity)")
                                    ])
                            ])
                    }
                }))
        return element(
            "svg",
            [
                "id": "pain-chart", "class": "chart pain-chart",
                "viewBox": "0 0 \(Int(frame.width)) \(Int(frame.height))", "role": "img",
                "aria-label":
                    "Pain by day, 0 to 10: mean before and after exercise, worst after, check-in pain, "
                    + "and days with findings",
            ], nodes)
    }

    /// One exercise's sessions: for each, a line from pain before to pain after on its day (several
    /// on one day side by side), red where pain rose.
    static func exerciseChart(_ report: ProgressReport, exerciseID: String, index chartIndex: Int) -> Body {
        let frame = exercise
        let n = report.days.count
        let sessions = report.sessions(of: exerciseID)
        let byDay = Dictionary(grouping: sessions) { Int($0.localTime.date.daysSinceEpoch) }
        var nodes = beforeJournal(frame, report) + grid(frame, ticks: [0, 5, 10], title: "Pain")
        nodes += dayAxis(frame, period: report.period, most: 3)
        let slot = frame.plotWidth / Double(max(n, 1))
        for (dayIndex, day) in report.days.enumerated() {
            let onDay = byDay[Int(day.date.daysSinceEpoch)] ?? []
            let spacing = min(6, slot * 0.8 / Double(max(onDay.count, 1)))
            for (k, entry) in onDay.enumerated() {
                let x = frame.x(day: dayIndex, of: n) + (Double(k) - Double(onDay.count - 1) / 2) * spacing
                let before = frame.y(pain: Double(entry.painBefore.value))
                let after = frame.y(pain: Double(entry.painAfter.value))
                let kind =
                    entry.painAfter > entry.painBefore ? "rise" : entry.painAfter < entry.painBefore ? "fall" : "same"
                nodes.append(
                    element(
                        "g",
                        ["class": "session \(kind)", "data-entry": entry.id.map(String.init) ?? ""],
                        [
                            element(
                                "title", [:],
                                [
                                    .plain(
                                        "\(entry.localTime.shortText): pain \(entry.painBefore.value) → \(entry.painAfter.value)"
                                    )
                                ]),
                            element(
                                "line",
                                ["x1": format(x), "x2": format(x), "y1": format(before), "y2": format(after)]),
                            element("circle", ["class": "from", "r": "2.5", "cx": format(x), "cy": format(before)]),
                            element("circle", ["class": "to", "r": "3", "cx": format(x), "cy": format(after)]),
                        ]))
            }
        }
        return element(
            "svg",
            [
                "id": "exercise-chart-\(chartIndex)", "class": "chart exercise-chart",
                "viewBox": "0 0 \(Int(frame.width)) \(Int(frame.height))", "role": "img",
                "aria-label": "\(exerciseID): each session's pain before and after, 0 to 10",
            ], nodes)
    }

    /// One PSFS activity's ratings, in its frame (``psfs``): the score 0 to 10
    /// upwards, its first to its latest rating across (in time), a dot each, its first and latest
    /// day below.
    static func psfsChart(_ item: PSFSSummary.ActivitySummary, index chartIndex: Int) -> Body {
        let frame = psfs
        let times = item.ratings.map(\.ratedAt)
        let first = Double(times.first ?? 0)
        let span = max(Double((times.last ?? 0) - (times.first ?? 0)), 1)
        let points = item.ratings.map { rating in
            let across = times.count < 2 ? 0.5 : (Double(rating.ratedAt) - first) / span
            return Point(x: frame.left + across * frame.plotWidth, y: frame.y(pain: Double(rating.score.value)))
        }
        let baseline = frame.top + frame.plotHeight
        var nodes = grid(frame, ticks: [0, 5, 10], title: "Score")
        nodes.append(
            element(
                "line",
                [
                    "x1": format(frame.left), "x2": format(frame.width - frame.right), "y1": format(baseline),
                    "y2": format(baseline), "class": "axis",
                ]))
        if points.count > 1 {
            nodes.append(element("path", ["class": "line psfs", "d": path([points])]))
        }
        for (point, rating) in zip(points, item.ratings) {
            nodes.append(
                element(
                    "circle", ["class": "dot psfs", "r": "3", "cx": format(point.x), "cy": format(point.y)],
                    [element("title", [:], [.plain("\(rating.localTime.date): \(rating.score.value)")])]))
        }
        let dates = item.ratings.map(\.localTime.date)
        let wide = dates.first?.year != dates.last?.year
        let label = { (date: LocalDate) in wide ? date.iso8601 : Figures.dayMonth(date) }
        if let firstDate = dates.first, let lastDate = dates.last {
            if dates.count == 1 {
                nodes.append(
                    text(
                        label(firstDate),
                        ["x": format(points[0].x), "y": format(frame.labelBaseline), "class": "tick x"]))
            } else {
                nodes.append(
                    text(
                        label(firstDate),
                        ["x": format(frame.left), "y": format(frame.labelBaseline), "class": "tick x start"]))
                nodes.append(
                    text(
                        label(lastDate),
                        [
                            "x": format(frame.width - frame.right), "y": format(frame.labelBaseline),
                            "class": "tick x end",
                        ]))
            }
        }
        return element(
            "svg",
            [
                "id": "psfs-chart-\(chartIndex)", "class": "chart psfs-chart",
                "viewBox": "0 0 \(Int(frame.width)) \(Int(frame.height))", "role": "img",
                "aria-label": "\(item.activity.activity): each rating, 0 to 10",
            ], nodes)
    }

    /// A grey band over the days before the journal began, when it began inside the period.
    static func beforeJournal(_ frame: Frame, _ report: ProgressReport) -> [Body] {
        guard report.beganInsidePeriod else { return [] }
        let days = Int(report.countedFrom.daysSinceEpoch - report.period.from.daysSinceEpoch)
        let width = Double(days) * frame.plotWidth / Double(report.days.count)
        return [
            element(
                "rect",
                [
                    "class": "before-journal", "x": format(frame.left), "y": format(frame.top),
                    "width": format(width), "height": format(frame.plotHeight),
                ],
                [element("title", [:], [.plain("Before the journal began on \(report.countedFrom)")])])
        ]
    }

    /// Horizontal grid lines at `ticks`, their values on the left, and the vertical axis's title.
    static func grid(_ frame: Frame, ticks: [Int], title: String) -> [Body] {
        ticks.flatMap { value -> [Body] in
            let y = format(frame.y(pain: Double(value)))
            return [
                element(
                    "line",
                    [
                        "x1": format(frame.left), "x2": format(frame.width - frame.right), "y1": y, "y2": y,
                        "class": "grid",
                    ]),
                text(String(value), ["x": format(frame.left - 6), "y": y, "class": "tick y"]),
            ]
        }
            + [
                text(
                    title,
                    [
                        "class": "axis-title y",
                        "transform":
                            "translate(\(format(frame.left / 3)) \(format(frame.top + frame.plotHeight / 2))) rotate(-90)",
                    ])
            ]
    }

    /// Labels under the plot for some days, with a tick each, and the horizontal axis's title.
    static func dayAxis(_ frame: Frame, period: Period, most: Int) -> [Body] {
        let days = period.days
        let wide = period.from.year != period.to.year
        // A label's width at the largest size the page uses (a character about 0.55 of it); as
        // many labels as fit side by side with a little room between. A label never reaches left
        // of the plot, where the pain values stand (the first day's, centred on its tick, printed
        // under the "0"): the first moves right of its tick, and the others leave room for that.
        let labelWidth = Double(wide ? 10 : 6) * 0.55 * frame.largestFont
        let half = labelWidth / 2
        let shift = max(0, frame.left + half - frame.x(day: 0, of: days.count))
        let fit = Int(frame.plotWidth / (labelWidth + 8 + shift))
        var placed: [(index: Int, x: Double)] = []
        for index in labelledDays(count: days.count, most: max(2, min(most, fit))) {
            let x = min(max(frame.x(day: index, of: days.count), frame.left + half), frame.width - half)
            // Where two would still touch (the least, two labels, of long dates), the later is left out.
            if let last = placed.last, x - half < last.x + half + 8 { continue }
            placed.append((index, x))
        }
        let baseline = frame.top + frame.plotHeight
        return placed.flatMap { index, labelX -> [Body] in
            let x = frame.x(day: index, of: days.count)
            return [
                element(
                    "line",
                    [
                        "x1": format(x), "x2": format(x), "y1": format(baseline), "y2": format(baseline + 4),
                        "class": "axis",
                    ]),
                text(
                    label(days[index], period: period),
                    ["x": format(labelX), "y": format(frame.labelBaseline), "class": "tick x"]),
            ]
        }
            + [
                element(
                    "line",
                    [
                        "x1": format(frame.left), "x2": format(frame.width - frame.right), "y1": format(baseline),
                        "y2": format(baseline), "class": "axis",
                    ]),
                text(
                    "Day",
                    [
                        "x": format(frame.left + frame.plotWidth / 2), "y": format(frame.height - 4),
                        "class": "axis-title x",
                    ]),
            ]
    }

    /// A legend entry's symbol: a 30 × 16 SVG drawing the mark as the chart draws it.
    static func legendSymbol(_ kind: String) -> Body {
        let nodes: [Body]
        switch kind {
        case "before", "after":
            nodes = [
                element("path", ["class": "line \(kind)", "d": "M1 8 L29 8"]),
                element("circle", ["class": "dot \(kind)", "r": "3", "cx": "15", "cy": "8"]),
            ]
        case "checkin":
            nodes = [
                element("path", ["class": "line checkin", "d": "M1 8 L29 8"]),
                element("rect", square(x: 15, y: 8).merging(["class": "square checkin"]) { $1 }),
            ]
        case "worst":
            nodes = [element("circle", ["class": "ring worst", "r": "5.5", "cx": "15", "cy": "8"])]
        case "finding":
            nodes = [element("path", ["class": "marker finding", "d": triangle(x: 15, y: 2)])]
        case "red-flag":
            nodes = [element("path", ["class": "marker red-flag", "d": diamond(x: 15, y: 1)])]
        case "same":
            nodes = [
                element(
                    "g", ["class": "session same"],
                    [
                        element("circle", ["class": "from", "r": "2.5", "cx": "15", "cy": "8"]),
                        element("circle", ["class": "to", "r": "3", "cx": "15", "cy": "8"]),
                    ])
            ]
        case "before-journal":
            nodes = [element("rect", ["class": "before-journal", "x": "4", "y": "1", "width": "22", "height": "14"])]
        case "rise", "fall":
            nodes = [
                element(
                    "g", ["class": "session \(kind)"],
                    [
                        element(
                            "line",
                            [
                                "x1": "15", "x2": "15", "y1": kind == "rise" ? "13" : "3",
                                "y2": kind == "rise" ? "3" : "13",
                            ]),
                        element(
                            "circle", ["class": "from", "r": "2.5", "cx": "15", "cy": kind == "rise" ? "13" : "3"]),
                        element("circle", ["class": "to", "r": "3", "cx": "15", "cy": kind == "rise" ? "3" : "13"]),
                    ])
            ]
        default:
            nodes = []
        }
        return element(
            "svg", ["class": "symbol", "viewBox": "0 0 30 16", "width": "30", "height": "16", "aria-hidden": "true"],
            nodes)
    }
}
