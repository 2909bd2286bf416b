using System.Globalization;
using Puente.Domain.Ports;
using Puente.Domain.Ports.Flows;
using Puente.Web.Hosting;

namespace Puente.Web.Ports;

/// <summary>
/// Reads the filters of the ports' data pages and API (<c>lane</c>, <c>measure</c>, dates, months) once
/// for both, so a bad value gets the same coded field error on a page and over HTTP.
/// </summary>
internal static class PortFilters
{
    /// <summary>A lane type by its API name (<c>commercial</c>, <c>passengerVehicle</c>, <c>pedestrian</c>, <c>rail</c>); empty is none.</summary>
    public static LaneType? Lane(string field, string? value, List<FieldError> errors) =>
        Named<LaneType>(field, value, FieldCodes.LaneUnknown, errors);

    public static BtsMeasure? Measure(string field, string? value, List<FieldError> errors) =>
        Named<BtsMeasure>(field, value, FieldCodes.MeasureUnknown, errors);

    /// <summary>A date <c>yyyy-MM-dd</c>; empty is none unless <paramref name="required"/>.</summary>
    public static DateOnly? Date(string field, string? value, List<FieldError> errors, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new(field, FieldCodes.DateRequired));
            }
            return null;
        }
        if (IsoDates.Parse(value) is { } date)
        {
            return date;
        }
        errors.Add(new(field, FieldCodes.DateInvalid, [value, .. IsoDates.Range]));
        return null;
    }

    /// <summary>A month <c>yyyy-MM</c>, as its first day; empty is none.</summary>
    public static DateOnly? Month(string field, string? value, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (IsoDates.ParseMonth(value) is { } month)
        {
            return month;
        }
        errors.Add(new(field, FieldCodes.MonthInvalid, [value, .. IsoDates.MonthRange]));
        return null;
    }

    /// <summary>The camelCase name clients use for an enum value (as the JSON answers write it).</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    // By name only, case-insensitively: Enum.TryParse would also take "1" or "0x2".
    private static TEnum? Named<TEnum>(string field, string? value, string code, List<FieldError> errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }
        errors.Add(new(field, code, value));
        return null;
    }
}
