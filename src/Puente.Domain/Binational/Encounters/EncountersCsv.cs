using System.Globalization;
using nietras.SeparatedValues;

namespace Puente.Domain.Binational.Encounters;

/// <summary>One row of CBP's southwest land border encounters file, its fiscal month turned into a calendar month.</summary>
public sealed record EncounterRow(
    int Line,
    DateOnly Month,
    string Component,
    string Demographic,
    string Citizenship,
    string Authority,
    string EncounterType,
    long Count);

public sealed record EncounterRejectedLine(int Line, string Reason, string Text);

public sealed record EncountersFile(int LinesRead, IReadOnlyList<EncounterRow> Rows, IReadOnlyList<EncounterRejectedLine> Rejected);

/// <summary>Either a read file or why the file is not CBP's encounters export.</summary>
public sealed record EncountersReadResult(EncountersFile? File, string? Error);

/// <summary>
/// Reads CBP's "Southwest Land Border Encounters" CSV. The US fiscal year starts in October, so October to
/// December of fiscal year N are calendar year N − 1. CBP writes the running year as <c>2025 (FYTD)</c>.
/// A line that cannot be read is reported with its number, never dropped in silence.
/// </summary>
public static class EncountersCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Fiscal Year", "Month Grouping", "Month (abbv)", "Component", "Demographic",
        "Citizenship Grouping", "Title of Authority", "Encounter Type", "Encounter Count",
    ];

    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>The calendar month of a fiscal year's month (<c>OCT</c> of FY 2024 is October 2023), or null for an unknown month name.</summary>
    public static DateOnly? CalendarMonth(int fiscalYear, string monthAbbreviation)
    {
        var index = Array.IndexOf(Months, monthAbbreviation.Trim().ToUpperInvariant());
        if (index < 0)
        {
            return null;
        }
        var month = index + 1;
        return new DateOnly(month >= 10 ? fiscalYear - 1 : fiscalYear, month, 1);
    }

    /// <summary>The fiscal year of <c>2024</c> or <c>2025 (FYTD)</c>, or null.</summary>
    public static int? FiscalYear(string text)
    {
        var digits = text.Trim();
        var space = digits.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0)
        {
            digits = digits[..space];
        }
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200 ? year : null;
    }

    public static EncountersReadResult Read(TextReader text)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(text);
        var names = reader.Header.ColNames.Select(n => n.Trim()).ToList();
        if (!names.SequenceEqual(Columns, StringComparer.OrdinalIgnoreCase))
        {
            return new(null, $"The header '{string.Join(',', names)}' is not CBP's encounters export: expected '{string.Join(',', Columns)}'.");
        }
        var rows = new List<EncounterRow>();
        var rejected = new List<EncounterRejectedLine>();
        var lines = 0;
        foreach (var row in reader)
        {
            lines++;
            var line = row.LineNumberFrom;
            if (row.ColCount < Columns.Count)
            {
                rejected.Add(new(line, "columns", row.Span.ToString()));
                continue;
            }
            if (FiscalYear(row[0].ToString()) is not { } year)
            {
                rejected.Add(new(line, "fiscal-year", row.Span.ToString()));
                continue;
            }
            if (CalendarMonth(year, row[2].ToString()) is not { } month)
            {
                rejected.Add(new(line, "month", row.Span.ToString()));
                continue;
            }
            if (!long.TryParse(row[8].Span.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var count))
            {
                rejected.Add(new(line, "count", row.Span.ToString()));
                continue;
            }
            rows.Add(new(line, month, Text(row[3]), Text(row[4]), Text(row[5]), Text(row[6]), Text(row[7]), count));
        }
        return new(new EncountersFile(lines, rows, rejected), null);
    }

    private static string Text(SepReader.Col col) => col.Span.Trim().ToString();
}
