namespace Puente.Domain.Ports;

/// <summary>
/// A port's own calendar: its IANA zone decides what "today" is and when a local slot starts.
/// The border straddles zones with and without daylight saving, so no offset is ever assumed.
/// </summary>
public static class PortCalendar
{
    /// <summary>The instant as the port's wall clock shows it.</summary>
    public static DateTimeOffset LocalTime(DateTimeOffset instant, string timeZone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone));

    /// <summary>The date at the port at that instant.</summary>
    public static DateOnly Today(DateTimeOffset now, string timeZone) =>
        DateOnly.FromDateTime(LocalTime(now, timeZone).DateTime);

    /// <summary>
    /// The instant a slot starts: the service date at the port's local start time. A time the clocks
    /// repeat counts as standard time; a time they skip does not exist and throws.
    /// </summary>
    public static DateTimeOffset SlotStartsAt(DateOnly serviceDate, TimeOnly start, string timeZone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(serviceDate.ToDateTime(start), TimeZoneInfo.FindSystemTimeZoneById(timeZone)));
}
