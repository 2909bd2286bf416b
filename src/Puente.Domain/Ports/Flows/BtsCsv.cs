using System.Globalization;
using nietras.SeparatedValues;

namespace Puente.Domain.Ports.Flows;

/// <summary>Which export of BTS Border Crossing Entry Data a file is.</summary>
public enum BtsLayout
{
    /// <summary><c>Port Name,State,Port Code,Border,Date,Measure,Value,Latitude,Longitude,Point</c>.</summary>
    Current,

    /// <summary>The older export without coordinates: <c>Port Name,State,Port Code,Border,Date,Measure,Value</c>.</summary>
    Legacy,
}

/// <summary>One row of a BTS file: a port's inbound count of one measure in one month.</summary>
public sealed record BtsRow(int Line, string PortCode, string PortName, DateOnly Month, BtsMeasure Measure, long Value)
{
    public BtsKey Key => new(PortCode, Month, Measure);
}

/// <summary>What a count is about; two rows with one key and two values conflict.</summary>
public readonly record struct BtsKey(string PortCode, DateOnly Month, BtsMeasure Measure);

/// <summary>Why a line was not read as a row.</summary>
public enum BtsRejection
{
    BadPortCode,
    BadMonth,
    UnknownMeasure,
    BadValue,
}

public sealed record BtsRejectedLine(int Line, BtsRejection Reason, string Text);

/// <summary>A BTS file read: its layout, the US–Mexico rows, and every line that was not one.</summary>
public sealed record BtsFile(
    BtsLayout Layout,
    int LinesRead,
    IReadOnlyList<BtsRow> Rows,
    int OtherBorderRows,
    IReadOnlyList<BtsRejectedLine> Rejected);

/// <summary>Either a read file or why the file is not a BTS export at all.</summary>
public sealed record BtsReadResult(BtsFile? File, string? Error);

/// <summary>
/// Reads BTS Border Crossing Entry Data in either layout. Rows of the US–Canada border are counted
/// and skipped; a line that cannot be read is reported with its line number, never dropped silently.
/// </summary>
public static class BtsCsv
{
    private const string MexicanBorder = "US-Mexico Border";

    private static readonly string[] LegacyColumns = ["Port Name", "State", "Port Code", "Border", "Date", "Measure", "Value"];
    private static readonly string[] CurrentColumns = [.. LegacyColumns, "Latitude", "Longitude", "Point"];

    public static BtsReadResult Read(TextReader text)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(text);
        var header = reader.Header.ColNames.Select(n => n.Trim()).ToList();
        BtsLayout layout;
        if (header.SequenceEqual(CurrentColumns, StringComparer.OrdinalIgnoreCase))
        {
            layout = BtsLayout.Current;
        }
        else if (header.SequenceEqual(LegacyColumns, StringComparer.OrdinalIgnoreCase))
        {
            layout = BtsLayout.Legacy;
        }
        else
        {
            return new(null, $"The header '{string.Join(',', header)}' is neither BTS layout: expected '{string.Join(',', CurrentColumns)}' or '{string.Join(',', LegacyColumns)}'.");
        }

        // A file names a few dozen ports and a few hundred months, 94,000 times over: each text is read from the
        // line's span and made a string (or parsed) once, not once per row; the usual spellings are compared
        // ordinally before the forgiving (trimmed, any case) reading.
        var codes = new string?[10_000];
        var names = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var lastNames = new string?[10_000];
        var months = new Dictionary<string, DateOnly>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var rows = new List<BtsRow>(capacity: 100_000);
        var rejected = new List<BtsRejectedLine>();
        var otherBorder = 0;
        var lines = 0;
        foreach (var row in reader)
        {
            lines++;
            if (row.ColCount < LegacyColumns.Length)
            {
                rejected.Add(new(row.LineNumberFrom, BtsRejection.BadValue, row.Span.ToString()));
                continue;
            }
            var border = row[3].Span;
            if (!border.SequenceEqual(MexicanBorder) && !border.Trim().Equals(MexicanBorder, StringComparison.OrdinalIgnoreCase))
            {
                otherBorder++;
                continue;
            }
            var code = row[2].Span.Trim();
            if (code.Length != 4 || !IsDigits(code))
            {
                rejected.Add(new(row.LineNumberFrom, BtsRejection.BadPortCode, row.Span.ToString()));
                continue;
            }
            if (!TryParseMonth(months, row[4].Span.Trim(), out var month))
            {
                rejected.Add(new(row.LineNumberFrom, BtsRejection.BadMonth, row.Span.ToString()));
                continue;
            }
            if (!BtsMeasureNames.TryParse(row[5].Span, out var measure))
            {
                rejected.Add(new(row.LineNumberFrom, BtsRejection.UnknownMeasure, row.Span.ToString()));
                continue;
            }
            if (!long.TryParse(row[6].Span.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                rejected.Add(new(row.LineNumberFrom, BtsRejection.BadValue, row.Span.ToString()));
                continue;
            }
            var number = ((code[0] - '0') * 10 + code[1] - '0') * 100 + (code[2] - '0') * 10 + code[3] - '0';
            var name = row[0].Span.Trim();
            if (lastNames[number] is not { } known || !name.SequenceEqual(known))
            {
                lastNames[number] = known = Text(names, name);
            }
            rows.Add(new(row.LineNumberFrom, codes[number] ??= code.ToString(), known, month, measure, value));
        }
        return new(new BtsFile(layout, lines, rows, otherBorder, rejected), null);
    }

    private static string Text(Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> texts, ReadOnlySpan<char> span)
    {
        if (!texts.TryGetValue(span, out var text))
        {
            text = span.ToString();
            texts.Dictionary[text] = text;
        }
        return text;
    }

    private static bool TryParseMonth(Dictionary<string, DateOnly>.AlternateLookup<ReadOnlySpan<char>> months, ReadOnlySpan<char> span, out DateOnly month)
    {
        if (months.TryGetValue(span, out month))
        {
            return true;
        }
        if (!DateOnly.TryParseExact(span, "MMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out month))
        {
            return false;
        }
        months.Dictionary[span.ToString()] = month;
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
