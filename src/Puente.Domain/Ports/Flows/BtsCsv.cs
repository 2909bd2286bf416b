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
public readonly record struct BtsRow
{
    public BtsRow(int line, string portCode, string portName, DateOnly month, BtsMeasure measure, long value)
        : this(line, portCode, portName, BtsMonths.Number(month), measure, value)
    {
    }

    internal BtsRow(int line, string portCode, string portName, int monthNumber, BtsMeasure measure, long value) =>
        (Line, PortCode, PortName, MonthNumber, Measure, Value) = (line, portCode, portName, monthNumber, measure, value);

    public int Line { get; }

    public string PortCode { get; }

    public string PortName { get; }

    /// <summary>The month as the reader gives it and the planner lays it out (<see cref="BtsMonths"/>).</summary>
    internal int MonthNumber { get; }

    public DateOnly Month => BtsMonths.Month(MonthNumber);

    public BtsMeasure Measure { get; }

    public long Value { get; }

    public BtsKey Key => new(PortCode, Month, Measure);
}

/// <summary>A month as one number, months since January of year 1 (so a default row's month is 0001-01-01, as a default
/// date is): what 94,000 rows compare and lay out without a calendar's arithmetic.</summary>
internal static class BtsMonths
{
    public static int Number(DateOnly month) => Number(month.Year, month.Month);

    public static int Number(int year, int month) => (year - 1) * 12 + month - 1;

    public static DateOnly Month(int number) => new(number / 12 + 1, number % 12 + 1, 1);
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

/// <summary>A BTS file read: its layout, the distinct port codes of its US–Mexico rows (in order of first appearance),
/// and every line that was not such a row. The rows themselves went to the reader's caller one by one.</summary>
public sealed record BtsFile(
    BtsLayout Layout,
    int LinesRead,
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

    /// <summary>Reads <paramref name="text"/>, handing each US–Mexico row to <paramref name="row"/> in file order as it is
    /// read (a whole export is 94,000 rows: none is kept here).</summary>
    public static BtsReadResult Read(TextReader text, Action<BtsRow> row)
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
        var rejected = new List<BtsRejectedLine>();
        var otherBorder = 0;
        var lines = 0;
        foreach (var line in reader)
        {
            lines++;
            if (ReadLine(line, texts, out var read) is { } reason)
            {
                rejected.Add(new(line.LineNumberFrom, reason, line.Span.ToString()));
            }
            else if (read.PortCode is null)
            {
                otherBorder++;
            }
            else
            {
                row(read);
            }
        }
        return new(new BtsFile(layout, lines, texts.Ports, otherBorder, rejected), null);
    }

    /// <summary>Why the line is not a row, or null: then <paramref name="row"/> is the line's row, or has no port code
    /// when the line is of another border.</summary>
    private static BtsRejection? ReadLine(SepReader.Row line, Texts texts, out BtsRow row)
    {
        row = default;
        if (line.ColCount < LegacyColumns.Length)
        {
            return BtsRejection.BadValue;
        }
        var border = line[3].Span;
        if (!border.SequenceEqual(MexicanBorder) && !border.Trim().Equals(MexicanBorder, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var code = line[2].Span.Trim();
        if (code.Length != 4 || !IsDigits(code))
        {
            return BtsRejection.BadPortCode;
        }
        if (!TryParseMonth(line[4].Span.Trim(), out var month))
        {
            return BtsRejection.BadMonth;
        }
        if (!BtsMeasureNames.TryParse(line[5].Span, out var measure))
        {
            return BtsRejection.UnknownMeasure;
        }
        if (!TryParseCount(line[6].Span.Trim(), out var value))
        {
            return BtsRejection.BadValue;
        }
        var port = ((code[0] - '0') * 10 + code[1] - '0') * 100 + (code[2] - '0') * 10 + code[3] - '0';
        var (portCode, name) = texts.Of(port, code, line[0].Span.Trim());
        row = new BtsRow(line.LineNumberFrom, portCode, name, month, measure, value);
        return null;
    }

    /// <summary>Each port's code and its latest name as strings: a line whose name is the one its port had last time makes no
    /// string. The codes are listed in order of first appearance.</summary>
    private sealed class Texts
    {
        private readonly string?[] codes = new string?[10_000];
        private readonly string?[] names = new string?[10_000];
        private readonly Dictionary<string, string> all = new(StringComparer.Ordinal);

        public List<string> Ports { get; } = [];

        public (string Code, string Name) Of(int port, ReadOnlySpan<char> code, ReadOnlySpan<char> name)
        {
            if (codes[port] is not { } text)
            {
                codes[port] = text = code.ToString();
                Ports.Add(text);
            }
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

    // BTS writes "Jan 2024": read from the span, the name by its three letters at once; any other spelling goes through
    // DateOnly's own reading.
    private static bool TryParseMonth(ReadOnlySpan<char> span, out int month)
    {
        if (span.Length == 8 && span[3] == ' ' && IsDigits(span[4..]) && MonthOfYear(span[0], span[1], span[2]) is var number and > 0)
        {
            var year = ((span[4] - '0') * 10 + span[5] - '0') * 100 + (span[6] - '0') * 10 + span[7] - '0';
            if (year >= 1)
            {
                month = BtsMonths.Number(year, number);
                return true;
            }
        }
        var read = DateOnly.TryParseExact(span, "MMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        month = read ? BtsMonths.Number(date) : 0;
        return read;
    }

    private static int MonthOfYear(char a, char b, char c) => ((ulong)a << 32 | (ulong)b << 16 | c) switch
    {
        (ulong)'J' << 32 | (ulong)'a' << 16 | 'n' => 1,
        (ulong)'F' << 32 | (ulong)'e' << 16 | 'b' => 2,
        (ulong)'M' << 32 | (ulong)'a' << 16 | 'r' => 3,
        (ulong)'A' << 32 | (ulong)'p' << 16 | 'r' => 4,
        (ulong)'M' << 32 | (ulong)'a' << 16 | 'y' => 5,
        (ulong)'J' << 32 | (ulong)'u' << 16 | 'n' => 6,
        (ulong)'J' << 32 | (ulong)'u' << 16 | 'l' => 7,
        (ulong)'A' << 32 | (ulong)'u' << 16 | 'g' => 8,
        (ulong)'S' << 32 | (ulong)'e' << 16 | 'p' => 9,
        (ulong)'O' << 32 | (ulong)'c' << 16 | 't' => 10,
        (ulong)'N' << 32 | (ulong)'o' << 16 | 'v' => 11,
        (ulong)'D' << 32 | (ulong)'e' << 16 | 'c' => 12,
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
