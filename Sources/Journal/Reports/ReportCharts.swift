/// The geometry of the HTML report's charts, kept apart from the markup so tests can check that
/// every point stands for the report's own daily figure.
public enum ReportCharts {
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
    }

    /// The drawing area, in SVG user units.
    public static let width = 640.0
    public static let height = 220.0
    public static let left = 34.0
    public static let right = 10.0
    public static let top = 10.0
    public static let bottom = 26.0

    static var plotWidth: Double { width - left - right }
    static var plotHeight: Double { height - top - bottom }

    /// The x of day `index` of `count` days: spread evenly; a single day sits in the middle.
    public static func x(day index: Int, of count: Int) -> Double {
        count <= 1 ? left + plotWidth / 2 : left + Double(index) * plotWidth / Double(count - 1)
    }

    /// The y of a pain value on the 0–10 scale (10 at the top).
    public static func y(pain value: Double) -> Double {
        top + (10 - value) / 10 * plotHeight
    }

    /// The line's runs of consecutive days with a value; a day without entries breaks the line.
    public static func segments(_ values: [Double?]) -> [[Point]] {
        var segments: [[Point]] = []
        var current: [Point] = []
        for (index, value) in values.enumerated() {
            guard let value else {
                if !current.isEmpty { segments.append(current) }
                current = []
                continue
            }
            current.append(Point(x: x(day: index, of: values.count), y: y(pain: value)))
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
            if command == "M" { segments.append([]) }
            segments[segments.count - 1].append(Point(x: x, y: y))
            index += 2
        }
        return segments
    }

    /// Bar heights for sessions per day, scaled to the busiest day.
    public static func bars(_ counts: [Int]) -> [(x: Double, y: Double, width: Double, height: Double)] {
        let most = max(counts.max() ?? 0, 1)
        let slot = plotWidth / Double(max(counts.count, 1))
        return counts.enumerated().map { index, count in
            let barHeight = Double(count) / Double(most) * plotHeight
            return (left + Double(index) * slot + slot * 0.15, top + plotHeight - barHeight, slot * 0.7, barHeight)
        }
    }

    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded(.toNearestOrAwayFromZero))
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
