using System.Globalization;

namespace Puente.Web.Hosting;

/// <summary>Dates as they travel in URLs, API bodies and problem texts: ISO 8601 <c>yyyy-MM-dd</c>, whatever the reader's culture.</summary>
internal static class IsoDates
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>The date, or null when <paramref name="value"/> is not exactly <c>yyyy-MM-dd</c>.</summary>
    public static DateOnly? Parse(string? value) =>
        DateOnly.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string Write(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);
}
