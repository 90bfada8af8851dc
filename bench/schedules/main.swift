// Schedules benchmark (release): parse, next fire, a year of two daily schedules, zone loading.
// Run with bench/schedules/run.sh; prints the median of N runs of each measurement.
import Foundation
import Schedules

let runs = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 11
let clock = ContinuousClock()

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func measure(_ name: String, perCall count: Int, _ body: () -> Int) {
    var times: [Double] = []
    var sink = 0
    for _ in 0..<runs {
        let elapsed = clock.measure { sink &+= body() }
        let c = elapsed.components
        times.append((Double(c.seconds) * 1e9 + Double(c.attoseconds) / 1e9) / Double(count))
    }
    let m = median(times)
    let text = m >= 1e6 ? String(format: "%10.3f ms", m / 1e6) : m >= 1e3 ? String(format: "%10.3f µs", m / 1e3) : String(format: "%10.1f ns", m)
    print("\(name.padding(toLength: 58, withPad: " ", startingAt: 0)) median \(text)   (n=\(runs), sink \(sink % 10))")
}

func expression(_ text: String) -> ScheduleExpression {
    guard let parsed = try? ScheduleExpression.parse(text) else { fatalError("bad bench expression \(text)") }
    return parsed
}
func zone(_ name: String) -> ScheduleTimeZone {
    guard let zone = try? ScheduleTimeZone.named(name) else { fatalError("no zone \(name)") }
    return zone
}

let tokyo = zone("Asia/Tokyo"), newYork = zone("America/New_York")
let open = expression("cron(30 6 * * ? *)"), close = expression("cron(30 19 * * ? *)")
let start = 1_774_969_200   // 2026-04-01T00:00:00+09:00

measure("parse cron(30 6 * * ? *)", perCall: 1000) {
    var n = 0
    for _ in 0..<1000 { if (try? ScheduleExpression.parse("cron(30 6 * * ? *)")) != nil { n += 1 } }
    return n
}
for text in ["rate(5 minutes)", "at(2026-04-01T06:30:00)", "cron(30 6 1 1 ? 2026)", "cron(30 6 * * ? *)"] {
    measure("parse \(text)", perCall: 1000) {
        var n = 0
        for _ in 0..<1000 { if (try? ScheduleExpression.parse(text)) != nil { n += 1 } }
        return n
    }
}
measure("parse error cron(30 6 * * * *) (with checked example)", perCall: 1000) {
    var n = 0
    for _ in 0..<1000 { do { _ = try ScheduleExpression.parse("cron(30 6 * * * *)") } catch let error as ScheduleExpressionError { n += error.column } catch {} }
    return n
}
for (label, expr, tz) in [("next fire cron(30 6 * * ? *) Asia/Tokyo", open, tokyo),
                          ("next fire cron(30 2 * * ? *) America/New_York", expression("cron(30 2 * * ? *)"), newYork),
                          ("next fire cron(0 10 ? * FRI#5 *) Asia/Tokyo", expression("cron(0 10 ? * FRI#5 *)"), tokyo),
                          ("next fire cron(0 0 29 2 ? *) Asia/Tokyo", expression("cron(0 0 29 2 ? *)"), tokyo),
                          ("next fire cron(*/5 * * * ? *) America/New_York", expression("cron(*/5 * * * ? *)"), newYork)] {
    measure(label, perCall: 1000) {
        // 1000 calls; a schedule that ends (Feb 29 up to 2199) starts again from 2026.
        var n = 0
        var t = start
        for _ in 0..<1000 {
            if let next = expr.nextFire(afterSeconds: t, timeZone: tz) { n &+= next; t = next } else { t = start }
        }
        return n
    }
}
measure("a year of the two seed schedules (730 fires) in Asia/Tokyo", perCall: 1) {
    let end = start + 365 * 86400
    return open.fireTimes(afterSeconds: start, count: 400, timeZone: tokyo).filter { $0 < end }.count
        + close.fireTimes(afterSeconds: start, count: 400, timeZone: tokyo).filter { $0 < end }.count
}
measure("load zone America/New_York from zoneinfo", perCall: 100) {
    var n = 0
    for _ in 0..<100 { if (try? ScheduleTimeZone.named("America/New_York")) != nil { n += 1 } }
    return n
}
