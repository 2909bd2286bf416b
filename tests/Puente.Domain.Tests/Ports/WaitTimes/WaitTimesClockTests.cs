using Puente.Domain.Ports.WaitTimes;

namespace Puente.Domain.Tests.Ports.WaitTimes;

public sealed class WaitTimesClockTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(2022, month, day, hour, minute, second, TimeSpan.Zero);

    [Theory]
    [InlineData("At 10:00 am PDT", 10, 0)]
    [InlineData("At Noon CDT", 12, 0)]
    [InlineData("At Midnight MST", 0, 0)]
    [InlineData("At 12:00 am PST", 0, 0)]
    [InlineData("At 12:30 pm EDT", 12, 30)]
    [InlineData("At 1:00 pm CDT", 13, 0)]
    [InlineData("at 7 AM CST", 7, 0)]
    public void Cbp_update_times_are_read_as_wall_clock_times(string text, int hour, int minute) =>
        Assert.Equal(new TimeOnly(hour, minute), WaitTimesClock.UpdateTime(text));

    [Theory]
    [InlineData("")]
    [InlineData("N/A")]
    [InlineData("At 13:00 pm PDT")]
    [InlineData("At 10:75 am PDT")]
    [InlineData("Noon")]
    public void Anything_else_has_no_update_time(string text) => Assert.Null(WaitTimesClock.UpdateTime(text));

    [Theory]
    // 10:25 in San Diego in June is PDT (UTC-7); in Laredo 12:25 CDT (UTC-5); Nogales stays on MST (UTC-7).
    [InlineData("America/Los_Angeles", "10:25:16", 17)]
    [InlineData("America/Chicago", "12:25:16", 17)]
    [InlineData("America/Denver", "11:25:16", 17)]
    [InlineData("America/Phoenix", "10:25:16", 17)]
    public void A_crossing_time_is_converted_with_the_port_zone(string zone, string time, int utcHour) =>
        Assert.Equal(Utc(6, 29, utcHour, 25, 16), WaitTimesClock.ReportedAt("6/29/2022", time, zone));

    [Fact]
    public void Arizona_keeps_standard_time_whatever_abbreviation_cbp_printed()
    {
        var reported = WaitTimesClock.ReportedAt("6/29/2022", "10:25:16", "America/Phoenix")!.Value;

        // Douglas is reported "At 8:00 am PST", but Arizona's 8:00 in June is 15:00 UTC.
        Assert.Equal(Utc(6, 29, 15), WaitTimesClock.UpdatedAt("6/29/2022", "At 8:00 am PST", reported, "America/Phoenix"));
    }

    [Fact]
    public void An_update_late_in_the_evening_seen_after_midnight_belongs_to_the_day_before()
    {
        var reported = WaitTimesClock.ReportedAt("6/30/2022", "0:25:00", "America/Chicago")!.Value;

        Assert.Equal(Utc(6, 30, 4), WaitTimesClock.UpdatedAt("6/30/2022", "At 11:00 pm CDT", reported, "America/Chicago"));
    }

    [Fact]
    public void Missing_or_unreadable_dates_and_times_have_no_instant()
    {
        Assert.Null(WaitTimesClock.ReportedAt("", "10:25:16", "America/Chicago"));
        Assert.Null(WaitTimesClock.ReportedAt("6/29/2022", "", "America/Chicago"));
        Assert.Null(WaitTimesClock.UpdatedAt("6/29/2022", "", Utc(6, 29, 17), "America/Chicago"));
    }

    [Fact]
    public void A_time_the_clocks_skip_has_no_instant()
    {
        // 13 March 2022, 2:30 am did not happen in Chicago.
        Assert.Null(WaitTimesClock.UpdatedAt("3/13/2022", "At 2:30 am CDT", new DateTimeOffset(2022, 3, 13, 12, 0, 0, TimeSpan.Zero), "America/Chicago"));
    }

    [Theory]
    [InlineData(0, Freshness.Fresh)]
    [InlineData(120, Freshness.Fresh)]
    [InlineData(121, Freshness.Stale)]
    public void A_reading_is_fresh_within_the_window_and_stale_after_it(int minutesOld, Freshness expected)
    {
        var collected = Utc(6, 29, 17);

        Assert.Equal(expected, WaitTimesClock.Label(collected.AddMinutes(-minutesOld), collected, TimeSpan.FromMinutes(120)));
    }

    [Fact]
    public void A_reading_without_an_update_time_is_of_unknown_freshness() =>
        Assert.Equal(Freshness.Unknown, WaitTimesClock.Label(null, Utc(6, 29, 17), TimeSpan.FromMinutes(120)));
}
