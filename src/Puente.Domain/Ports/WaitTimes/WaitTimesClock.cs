using System.Globalization;
using System.Text.RegularExpressions;

namespace Puente.Domain.Ports.WaitTimes;

/// <summary>How old a reading was when it was collected.</summary>
public enum Freshness
{
    /// <summary>Updated by CBP within the freshness window before it was collected.</summary>
    Fresh,

    /// <summary>Older than the window: CBP had not updated it.</summary>
    Stale,

    /// <summary>No update time could be read, so its age is unknown.</summary>
    Unknown,
}

/// <summary>
/// CBP's times are the port's wall clock (<c>6/29/2022</c>, <c>10:25:16</c>, <c>At Noon CDT</c>); they
/// are converted with the port's IANA zone from the registry, not with the abbreviation CBP printed,
/// which is sometimes wrong (Douglas, on Arizona time, has been reported as <c>PST</c>).
/// </summary>
public static partial class WaitTimesClock
{
    [GeneratedRegex(@"^\s*At\s+(?:(?<word>noon|midnight)|(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ampm>a\.?m\.?|p\.?m\.?))\s*(?<zone>[A-Z]{2,5})?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UpdateTimePattern();

    /// <summary>The wall-clock time in <c>At 10:00 am PDT</c> or <c>At Noon CDT</c>; null when it is empty or unreadable.</summary>
    public static TimeOnly? UpdateTime(string text)
    {
        var match = UpdateTimePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }
        if (match.Groups["word"].Success)
        {
            return match.Groups["word"].Value.Equals("noon", StringComparison.OrdinalIgnoreCase) ? new TimeOnly(12, 0) : new TimeOnly(0, 0);
        }
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour is < 1 or > 12 || minute > 59)
        {
            return null;
        }
        var pm = match.Groups["ampm"].Value.StartsWith('p') || match.Groups["ampm"].Value.StartsWith('P');
        return new TimeOnly((hour % 12) + (pm ? 12 : 0), minute);
    }

    /// <summary>The instant of a crossing's <c>date</c> and <c>time</c> at the port; null when either is missing or unreadable.</summary>
    public static DateTimeOffset? ReportedAt(string date, string time, string timeZone)
    {
        if (!DateOnly.TryParseExact(date.Trim(), "M/d/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(time.Trim(), ["H:mm:ss", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            return null;
        }
        return Instant(day, clock, timeZone);
    }

    /// <summary>
    /// The instant a lane was updated: its time of day on the crossing's date at the port. The feed gives
    /// no date for the update, so a time of day later than <paramref name="reference"/> (the crossing's
    /// own time, or when the feed was collected) belongs to the day before: 11 pm seen at 00:25.
    /// </summary>
    public static DateTimeOffset? UpdatedAt(string date, string updateTime, DateTimeOffset reference, string timeZone)
    {
        if (UpdateTime(updateTime) is not { } clock)
        {
            return null;
        }
        var day = DateOnly.TryParseExact(date.Trim(), "M/d/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var written)
            ? written
            : PortCalendar.Today(reference, timeZone);
        if (Instant(day, clock, timeZone) is not { } instant)
        {
            return null;
        }
        // CBP rounds to the hour, so allow an hour of clock difference before moving to the day before.
        return instant > reference.AddHours(1) ? Instant(day.AddDays(-1), clock, timeZone) : instant;
    }

    /// <summary>Fresh when CBP updated the value within <paramref name="freshFor"/> before it was collected.</summary>
    public static Freshness Label(DateTimeOffset? updatedAt, DateTimeOffset collectedAt, TimeSpan freshFor) =>
        updatedAt is not { } at ? Freshness.Unknown
        : collectedAt - at <= freshFor ? Freshness.Fresh
        : Freshness.Stale;

    // A wall-clock time the clocks skip (spring forward) does not exist; such a reading has no instant.
    private static DateTimeOffset? Instant(DateOnly day, TimeOnly clock, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = day.ToDateTime(clock);
        return zone.IsInvalidTime(local) ? null : new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone));
    }
}
