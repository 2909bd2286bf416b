using Puente.Web.Hosting;
using Puente.Web.Ports;

namespace Puente.Web.Binational.Figures;

/// <summary>
/// Reads a period (<c>from</c>, <c>to</c> as <c>yyyy-MM-dd</c>) and an optional port from a query string, once
/// for the pages and the API, so a bad value gets the same coded field error on both.
/// </summary>
internal static class PeriodFilter
{
    /// <summary>The longest period asked for at once: three years and a day.</summary>
    public const int MaxDays = 1097;

    /// <summary>Days shown when the reader has not chosen: the last thirty, today included.</summary>
    public const int DefaultDays = 30;

    public static (GetPeriodFigures.Query? Query, List<FieldError> Errors) Read(string? from, string? to, string? port, bool withProtection, DateOnly today)
    {
        var errors = new List<FieldError>();
        var end = PortFilters.Date("to", to, errors) ?? today;
        var start = PortFilters.Date("from", from, errors) ?? end.AddDays(-(DefaultDays - 1));
        if (errors.Count == 0)
        {
            Check(start, end, errors);
        }
        var code = string.IsNullOrWhiteSpace(port) ? null : port.Trim();
        return errors.Count > 0 ? (null, errors) : (new GetPeriodFigures.Query(start, end, code, withProtection), errors);
    }

    /// <summary>A period's two dates read, whether they make one: <paramref name="end"/> not before <paramref name="start"/>,
    /// and no more than <see cref="MaxDays"/> days.</summary>
    public static void Check(DateOnly start, DateOnly end, List<FieldError> errors)
    {
        if (end < start)
        {
            errors.Add(new("to", FieldCodes.PeriodReversed, IsoDates.Write(start), IsoDates.Write(end)));
        }
        else if (end.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            errors.Add(new("to", FieldCodes.PeriodTooLong, MaxDays.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
