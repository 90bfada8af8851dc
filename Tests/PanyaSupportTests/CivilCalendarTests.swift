import PanyaSupport
import Testing

/// The one calendar: day numbers and dates agree both ways, leap years included.
@Suite struct CivilCalendarTests {
    @Test(arguments: [
        (1970, 1, 1, 0), (1969, 12, 31, -1), (2000, 2, 29, 11_016), (2000, 3, 1, 11_017),
        (2023, 8, 1, 19_570), (2099, 12, 31, 47_481), (1900, 3, 1, -25_508),
    ])
    func knownDays(year: Int, month: Int, day: Int, days: Int) {
        #expect(CivilCalendar.days(year: year, month: month, day: day) == days)
        let date = CivilCalendar.date(days: days)
        #expect(date.year == year && date.month == month && date.day == day)
    }

    @Test func everyDayOfFourHundredYearsRoundTrips() {
        var days = CivilCalendar.days(year: 1800, month: 1, day: 1)
        for year in 1800..<2200 {
            for month in 1...12 {
                for day in 1...CivilCalendar.daysInMonth(year: year, month: month) {
                    let date = CivilCalendar.date(days: days)
                    if CivilCalendar.days(year: year, month: month, day: day) != days
                        || date.year != year || date.month != month || date.day != day {
                        Issue.record("\(year)-\(month)-\(day) is day \(days), read back as \(date)")
                        return
                    }
                    days += 1
                }
            }
        }
    }

    @Test(arguments: [(1900, false), (2000, true), (2024, true), (2023, false), (2100, false)])
    func leapYears(year: Int, leap: Bool) {
        #expect(CivilCalendar.isLeap(year) == leap)
        #expect(CivilCalendar.daysInMonth(year: year, month: 2) == (leap ? 29 : 28))
    }
}
