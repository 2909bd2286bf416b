using System.Globalization;
using Microsoft.Extensions.Localization;
using Puente.Domain.Ports;

namespace Puente.Web.Hosting;

/// <summary>
/// Every instant a person reads, as the port's wall clock shows it, in the reader's words:
/// "lunes 30 de noviembre, 5:00 a. m., hora del Pacífico". Day and month names, the clock's
/// a.m./p.m. and the zones' common names come from the resources, not from the platform's
/// culture data: ICU has no Haitian Creole, and its Spanish spacing changes between versions.
/// </summary>
internal sealed class LocalTimes(IStringLocalizer<SharedResource> text, TimeProvider clock)
{
    /// <summary>"lunes 30 de noviembre, 5:00 a. m., hora del Pacífico".</summary>
    public string Moment(DateTimeOffset instant, string timeZone)
    {
        var local = PortCalendar.LocalTime(instant, timeZone);
        return text["Time_Moment", Day(DateOnly.FromDateTime(local.DateTime)), Clock(TimeOnly.FromDateTime(local.DateTime)), ZoneName(timeZone)];
    }

    /// <summary>The moment followed by how far away it is: "…, hora del Pacífico (dentro de 3 horas)".</summary>
    public string MomentFromNow(DateTimeOffset instant, string timeZone) =>
        text["Time_WithRelative", Moment(instant, timeZone), Relative(instant)];

    /// <summary>
    /// One instant for readers in several zones (a request window covers every port): the first zone
    /// in full, the others as their clock and zone name, with the day again only where it differs.
    /// </summary>
    public string MomentInZones(DateTimeOffset instant, IEnumerable<string> timeZones)
    {
        var zones = timeZones.Distinct(StringComparer.Ordinal)
            .OrderBy(z => PortCalendar.LocalTime(instant, z).Offset).ThenBy(z => z, StringComparer.Ordinal).ToList();
        if (zones.Count == 0)
        {
            return Moment(instant, "UTC");
        }
        var first = zones[0];
        var firstDay = PortCalendar.Today(instant, first);
        var others = zones.Skip(1)
            .Select(z => (Zone: z, Local: PortCalendar.LocalTime(instant, z)))
            .GroupBy(o => (Day: DateOnly.FromDateTime(o.Local.DateTime), Clock: TimeOnly.FromDateTime(o.Local.DateTime)))
            .Select(g => text["Time_ClockInZone",
                g.Key.Day == firstDay ? Clock(g.Key.Clock) : Day(g.Key.Day) + ", " + Clock(g.Key.Clock),
                string.Join(" / ", g.Select(o => ZoneName(o.Zone)).Distinct())].Value)
            .ToList();
        var moment = Moment(instant, first);
        return others.Count == 0 ? moment : text["Time_AlsoIn", moment, string.Join("; ", others)];
    }

    /// <summary>
    /// A time already converted to the port's wall clock, as day and clock ("lunes 30 de noviembre, 5:00 a. m."),
    /// for pages that name the zone once; a dash when there is none.
    /// </summary>
    public string DayAndClock(DateTimeOffset? local) =>
        local is { } at ? $"{Day(DateOnly.FromDateTime(at.DateTime))}, {Clock(TimeOnly.FromDateTime(at.DateTime))}" : "—";

    /// <summary>"lunes 30 de noviembre" / "Monday, November 30" / "lendi 30 novanm".</summary>
    public string Day(DateOnly date)
    {
        var days = text["Time_Days"].Value.Split('|');
        var months = text["Time_Months"].Value.Split('|');
        return text["Time_Day", days[(int)date.DayOfWeek], date.Day.ToString(CultureInfo.InvariantCulture), months[date.Month - 1]];
    }

    /// <summary>A date without its weekday, with its year: "4 de marzo de 1990" (a birth date, a registration).</summary>
    public string Date(DateOnly date) =>
        text["Time_Date", date.Day.ToString(CultureInfo.InvariantCulture), text["Time_Months"].Value.Split('|')[date.Month - 1], date.Year.ToString(CultureInfo.InvariantCulture)];

    /// <summary>A 12-hour clock with the language's a.m./p.m.: "5:00 a. m.", "5:00 PM".</summary>
    public string Clock(TimeOnly time)
    {
        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var half = text[time.Hour < 12 ? "Time_Am" : "Time_Pm"];
        return text["Time_Clock", hour.ToString(CultureInfo.InvariantCulture), time.Minute.ToString("00", CultureInfo.InvariantCulture), half];
    }

    /// <summary>A port's slot clock ("08:00") in the reader's format.</summary>
    public string Clock(string slot) =>
        TimeOnly.TryParseExact(slot, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? Clock(time) : slot;

    /// <summary>
    /// The zone's common name ("hora del Pacífico"), keyed by IANA id (<c>Zone_America_Los_Angeles</c>);
    /// a zone without a name yet reads as its offset from UTC rather than as a raw IANA id.
    /// </summary>
    public string ZoneName(string timeZone)
    {
        var name = text["Zone_" + timeZone.Replace('/', '_')];
        if (!name.ResourceNotFound)
        {
            return name;
        }
        var offset = TimeZoneInfo.FindSystemTimeZoneById(timeZone).GetUtcOffset(clock.GetUtcNow());
        return text["Time_Offset", (offset < TimeSpan.Zero ? "−" : "+") + offset.ToString(@"h\:mm", CultureInfo.InvariantCulture)];
    }

    /// <summary>"dentro de 3 horas", "dentro de 25 minutos", "dentro de 2 días"; "ya pasó" once it has.</summary>
    public string Relative(DateTimeOffset instant)
    {
        var left = instant - clock.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            return text["Time_Passed"];
        }
        if (left < TimeSpan.FromHours(1))
        {
            var minutes = (int)Math.Ceiling(left.TotalMinutes);
            return minutes == 1 ? text["Time_InOneMinute"] : text["Time_InMinutes", minutes];
        }
        if (left < TimeSpan.FromHours(48))
        {
            var hours = (int)Math.Round(left.TotalHours, MidpointRounding.AwayFromZero);
            return hours == 1 ? text["Time_InOneHour"] : text["Time_InHours", hours];
        }
        return text["Time_InDays", (int)Math.Round(left.TotalDays, MidpointRounding.AwayFromZero)];
    }
}
