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

/// <summary>One row of a BTS file: a port's inbound count of one measure in one month (a value, not an object per row).</summary>
public readonly record struct BtsRow(int Line, string PortCode, string PortName, DateOnly Month, BtsMeasure Measure, long Value)
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

/// <summary>A BTS file read: its layout, the US–Mexico rows in file order with their distinct port codes (in order of
/// first appearance), and every line that was not one.</summary>
public sealed record BtsFile(
    BtsLayout Layout,
    int LinesRead,
    IReadOnlyList<BtsRow> Rows,
    IReadOnlyList<string> PortCodes,
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

        // What each line gives is a small value, and the texts of a few dozen ports are made strings once each, not once
        // per row. (Sep's parallel enumeration across the 2 cores was measured no faster: docs/benchmarks/ports.md.)
        var texts = new Texts();
        var rows = new List<BtsRow>(capacity: 100_000);
        var rejected = new List<BtsRejectedLine>();
        var seen = new bool[10_000];
        var ports = new List<string>();
        var otherBorder = 0;
        var lines = 0;
        foreach (var row in reader)
        {
            lines++;
            var line = ReadLine(row, texts);
            if (line.Rejection is { } reason)
            {
                rejected.Add(new(line.Row.Line, reason, line.Text!));
            }
            else if (line.Text is null)
            {
                otherBorder++;
            }
            else
            {
                rows.Add(line.Row);
                if (!seen[line.Number])
                {
                    seen[line.Number] = true;
                    ports.Add(line.Row.PortCode);
                }
            }
        }
        return new(new BtsFile(layout, lines, rows, ports, otherBorder, rejected), null);
    }

    /// <summary>What one line gave: a row (<see cref="Text"/> is its port code), a rejection (the line's text), or neither (another border).</summary>
    private readonly record struct Line(BtsRow Row, int Number, BtsRejection? Rejection, string? Text);

    private static Line ReadLine(SepReader.Row row, Texts texts)
    {
        var number = row.LineNumberFrom;
        if (row.ColCount < LegacyColumns.Length)
        {
            return Rejected(row, BtsRejection.BadValue);
        }
        var border = row[3].Span;
        if (!border.SequenceEqual(MexicanBorder) && !border.Trim().Equals(MexicanBorder, StringComparison.OrdinalIgnoreCase))
        {
            return default;
        }
        var code = row[2].Span.Trim();
        if (code.Length != 4 || !IsDigits(code))
        {
            return Rejected(row, BtsRejection.BadPortCode);
        }
        if (!TryParseMonth(row[4].Span.Trim(), out var month))
        {
            return Rejected(row, BtsRejection.BadMonth);
        }
        if (!BtsMeasureNames.TryParse(row[5].Span, out var measure))
        {
            return Rejected(row, BtsRejection.UnknownMeasure);
        }
        if (!TryParseCount(row[6].Span.Trim(), out var value))
        {
            return Rejected(row, BtsRejection.BadValue);
        }
        var port = ((code[0] - '0') * 10 + code[1] - '0') * 100 + (code[2] - '0') * 10 + code[3] - '0';
        var (portCode, name) = texts.Of(port, code, row[0].Span.Trim());
        return new Line(new BtsRow(number, portCode, name, month, measure, value), port, null, portCode);
    }

    private static Line Rejected(SepReader.Row row, BtsRejection reason) =>
        new(new BtsRow(row.LineNumberFrom, "", "", default, default, 0), 0, reason, row.Span.ToString());

    /// <summary>Each port's code and its latest name as strings: a line whose name is the one its port had last time makes no string.</summary>
    private sealed class Texts
    {
        private readonly string?[] codes = new string?[10_000];
        private readonly string?[] names = new string?[10_000];
        private readonly Dictionary<string, string> all = new(StringComparer.Ordinal);

        public (string Code, string Name) Of(int port, ReadOnlySpan<char> code, ReadOnlySpan<char> name)
        {
            var text = codes[port] ??= code.ToString();
            if (names[port] is { } known && name.SequenceEqual(known))
            {
                return (text, known);
            }
            if (!all.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out known))
            {
                known = name.ToString();
                all[known] = known;
            }
            names[port] = known;
            return (text, known);
        }
    }

    // BTS writes "Jan 2024": read from the span without a string; any other spelling goes through DateOnly's own reading.
    private static bool TryParseMonth(ReadOnlySpan<char> span, out DateOnly month)
    {
        if (span.Length == 8 && span[3] == ' ' && IsDigits(span[4..]) && MonthNumber(span[0], span[1], span[2]) is var number and > 0)
        {
            var year = ((span[4] - '0') * 10 + span[5] - '0') * 100 + (span[6] - '0') * 10 + span[7] - '0';
            if (year >= 1)
            {
                month = new DateOnly(year, number, 1);
                return true;
            }
        }
        return DateOnly.TryParseExact(span, "MMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
    }

    private static int MonthNumber(char a, char b, char c) => (a, b, c) switch
    {
        ('J', 'a', 'n') => 1,
        ('F', 'e', 'b') => 2,
        ('M', 'a', 'r') => 3,
        ('A', 'p', 'r') => 4,
        ('M', 'a', 'y') => 5,
        ('J', 'u', 'n') => 6,
        ('J', 'u', 'l') => 7,
        ('A', 'u', 'g') => 8,
        ('S', 'e', 'p') => 9,
        ('O', 'c', 't') => 10,
        ('N', 'o', 'v') => 11,
        ('D', 'e', 'c') => 12,
        _ => 0,
    };

    // A count is digits only. Up to 18 of them cannot overflow a long, so they are added up here; anything else is left to
    // long's own reading, which refuses signs, separators and values past long.MaxValue.
    private static bool TryParseCount(ReadOnlySpan<char> span, out long value)
    {
        if (span.Length is > 0 and <= 18)
        {
            value = 0;
            foreach (var c in span)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
                value = value * 10 + (c - '0');
            }
            return true;
        }
        return long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out value);
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
