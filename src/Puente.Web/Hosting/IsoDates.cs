using System.Globalization;

namespace Puente.Web.Hosting;

/// <summary>Dates as they travel in URLs, API bodies and problem texts: ISO 8601 <c>yyyy-MM-dd</c>, whatever the reader's culture.</summary>
internal static class IsoDates
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>
    /// The first and last dates read from people. Every record Puente keeps lies between them, and the arithmetic a period
    /// needs (the day after its end, the year before its start) stays inside the calendar .NET can count, where the
    /// calendar's own first and last days would not.
    /// </summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <inheritdoc cref="Earliest"/>
    public static readonly DateOnly Latest = new(2999, 12, 31);

    /// <summary>The date, or null when <paramref name="value"/> is not exactly <c>yyyy-MM-dd</c> between <see cref="Earliest"/>
    /// and <see cref="Latest"/>.</summary>
    public static DateOnly? Parse(string? value) =>
        DateOnly.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date >= Earliest && date <= Latest
            ? date
            : null;

    /// <summary>A month <c>yyyy-MM</c> as its first day, or null when it is not one between <see cref="Earliest"/> and <see cref="Latest"/>.</summary>
    public static DateOnly? ParseMonth(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month >= Earliest && month <= Latest
            ? month
            : null;

    /// <summary>The range <see cref="Parse"/> accepts, as the arguments of the messages that refuse a date.</summary>
    public static string[] Range => [Write(Earliest), Write(Latest)];

    /// <summary>The range <see cref="ParseMonth"/> accepts, as the arguments of the messages that refuse a month.</summary>
    public static string[] MonthRange => [Earliest.ToString("yyyy-MM", CultureInfo.InvariantCulture), Latest.ToString("yyyy-MM", CultureInfo.InvariantCulture)];

    public static string Write(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);
}
