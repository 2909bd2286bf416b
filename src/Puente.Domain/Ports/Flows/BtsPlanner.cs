using System.Runtime.InteropServices;

namespace Puente.Domain.Ports.Flows;

/// <summary>
/// Gathers what an import compares, month by month: the file's rows as they are read (none is kept, only its value in
/// an array of months per port and measure) and what is stored, in either order; <see cref="Plan"/> then says what the
/// file adds (the rules are on <see cref="BtsImportPlan.Make"/>). An exact repeat shows the moment it is added; whether
/// a value is new or already stored is decided at the end, so the stored series can be read while the file is.
/// One caller at a time.
/// </summary>
public sealed class BtsPlanner
{
    // Port codes are four digits: a row finds its port by number, without hashing its code. Any other code (only in
    // what a caller gives, never from a file) is looked up by text.
    private readonly PortCounts?[] byNumber = new PortCounts?[10_000];
    private readonly Dictionary<string, PortCounts> byCode = new(StringComparer.Ordinal);

    /// <summary>A row of the file, in file order.</summary>
    public void Add(BtsRow row)
    {
        var port = Port(row.PortCode);
        port.Rows++;
        if (port.Months(row.Measure).Add(row.MonthNumber, row.Value, MonthGrid.File))
        {
            (port.Duplicates ??= []).Add(row);
        }
    }

    /// <summary>What is stored for the ports of the file (more does no harm): the series, and every value of a month
    /// in conflict.</summary>
    public void AddStored(IEnumerable<BtsSeries> series, IEnumerable<BtsCount> conflicts)
    {
        foreach (var stored in series)
        {
            var months = Port(stored.PortCode).Months(stored.Measure);
            var first = BtsMonths.Number(stored.FirstMonth);
            for (var i = 0; i < stored.Values.Count; i++)
            {
                if (stored.Values[i] is { } value)
                {
                    months.Add(first + i, value, MonthGrid.Stored);
                }
            }
        }
        foreach (var count in conflicts)
        {
            Port(count.PortCode).Months(count.Measure).Add(BtsMonths.Number(count.Month), count.Value, MonthGrid.Stored);
        }
    }

    /// <summary>What importing the rows added so far changes, rows of ports not in <paramref name="knownPorts"/> (when
    /// given) skipped and counted by port.</summary>
    public BtsImportPlan Plan(IReadOnlySet<string>? knownPorts)
    {
        var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
        var duplicates = new List<BtsRow>();
        var conflicts = new List<BtsConflict>();
        var written = new List<BtsSeries>();
        var conflicting = new List<BtsCount>();
        var changed = new List<string>();
        var (added, alreadyStored) = (0, 0);
        foreach (var port in byCode.Values.Where(p => p.Rows > 0).OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            if (knownPorts is not null && !knownPorts.Contains(port.Code))
            {
                unknown[port.Code] = port.Rows;
                continue;
            }
            duplicates.AddRange(port.Duplicates ?? []);
            var portAdded = 0;
            foreach (var months in port.ByMeasure)
            {
                var (fresh, stored) = months?.FileValues() ?? (0, 0);
                (portAdded, alreadyStored) = (portAdded + fresh, alreadyStored + stored);
            }
            added += portAdded;
            if (portAdded > 0)
            {
                changed.Add(port.Code);
            }
            for (var measure = 0; measure < port.ByMeasure.Length; measure++)
            {
                if (port.ByMeasure[measure] is not { } months)
                {
                    continue;
                }
                conflicts.AddRange(months.Conflicts().Select(c => new BtsConflict(new(port.Code, c.Month, (BtsMeasure)measure), c.Values)));
                if (portAdded > 0 && months.Series(port.Code, (BtsMeasure)measure, conflicting) is { } series)
                {
                    written.Add(series);
                }
            }
        }
        conflicts.Sort((a, b) => (a.Key.PortCode, a.Key.Month, a.Key.Measure).CompareTo((b.Key.PortCode, b.Key.Month, b.Key.Measure)));
        return new(added, [.. duplicates.OrderBy(d => d.Line)], alreadyStored, conflicts, unknown, changed, written, conflicting);
    }

    private PortCounts Port(string code)
    {
        if (code is [>= '0' and <= '9', >= '0' and <= '9', >= '0' and <= '9', >= '0' and <= '9'])
        {
            var number = ((code[0] - '0') * 10 + code[1] - '0') * 100 + (code[2] - '0') * 10 + code[3] - '0';
            return byNumber[number] ??= ByCode(code);
        }
        return ByCode(code);
    }

    private PortCounts ByCode(string code)
    {
        ref var port = ref CollectionsMarshal.GetValueRefOrAddDefault(byCode, code, out _);
        return port ??= new PortCounts(code);
    }

    private sealed class PortCounts(string code)
    {
        public string Code { get; } = code;

        /// <summary>The file's rows of this port, repeats included.</summary>
        public int Rows { get; set; }

        /// <summary>The file's exact repeats, each after its first in file order.</summary>
        public List<BtsRow>? Duplicates { get; set; }

        public MonthGrid?[] ByMeasure { get; } = new MonthGrid?[Enum.GetValues<BtsMeasure>().Length];

        public MonthGrid Months(BtsMeasure measure) => ByMeasure[(int)measure] ??= new MonthGrid();
    }

    /// <summary>
    /// One port's values of one measure, by month: a value and where it came from per month, and, for the rare
    /// month with several distinct values, all of them apart.
    /// </summary>
    private sealed class MonthGrid
    {
        public const byte Stored = 1;
        public const byte File = 2;
        private const byte Several = 4;

        private int first;
        private long[] values = [];
        private byte[] sources = [];
        private int lowest = int.MaxValue;
        private int highest = int.MinValue;
        private Dictionary<int, List<(long Value, byte Sources)>>? several;

        /// <summary>Adds a value from a source; true when that source gave this month the same value already (for the
        /// file, an exact repeat).</summary>
        public bool Add(int month, long value, byte source)
        {
            var i = Slot(month);
            ref var sources = ref this.sources[i];
            if (sources == 0)
            {
                (values[i], sources) = (value, source);
                return false;
            }
            if ((sources & Several) == 0)
            {
                if (values[i] == value)
                {
                    var again = (sources & source) != 0;
                    sources |= source;
                    return again;
                }
                (several ??= [])[month] = [(values[i], sources), (value, source)];
                sources = Several;
                return false;
            }
            var all = CollectionsMarshal.AsSpan(several![month]);
            for (var j = 0; j < all.Length; j++)
            {
                if (all[j].Value == value)
                {
                    var again = (all[j].Sources & source) != 0;
                    all[j].Sources |= source;
                    return again;
                }
            }
            several[month].Add((value, source));
            return false;
        }

        /// <summary>The file's distinct values: how many were not stored (what it adds) and how many were.</summary>
        public (int Added, int AlreadyStored) FileValues()
        {
            var (added, stored) = (0, 0);
            for (var month = lowest; month <= highest; month++)
            {
                var sources = this.sources[month - first];
                if ((sources & Several) != 0)
                {
                    foreach (var (_, each) in several![month])
                    {
                        Count(each, ref added, ref stored);
                    }
                }
                else
                {
                    Count(sources, ref added, ref stored);
                }
            }
            return (added, stored);

            static void Count(byte sources, ref int added, ref int stored)
            {
                if ((sources & File) != 0)
                {
                    _ = (sources & Stored) != 0 ? stored++ : added++;
                }
            }
        }

        /// <summary>The months the file gave a value to and that hold more than one, with all their values.</summary>
        public IEnumerable<(DateOnly Month, IReadOnlyList<long> Values)> Conflicts() =>
            several is null ? [] : several.Where(m => m.Value.Exists(v => (v.Sources & File) != 0))
                .Select(m => (BtsMonths.Month(m.Key), (IReadOnlyList<long>)[.. m.Value.Select(v => v.Value).Order()]));

        /// <summary>The stored shape: the series (null for a month with no value or several), and each value of a
        /// month with several added to <paramref name="conflicting"/>.</summary>
        public BtsSeries? Series(string port, BtsMeasure measure, List<BtsCount> conflicting)
        {
            if (lowest > highest)
            {
                return null;
            }
            var series = new long?[highest - lowest + 1];
            for (var month = lowest; month <= highest; month++)
            {
                var i = month - first;
                if ((sources[i] & Several) != 0)
                {
                    conflicting.AddRange(several![month].Select(v => v.Value).Order().Select(v => new BtsCount(port, BtsMonths.Month(month), measure, v)));
                }
                else if (sources[i] != 0)
                {
                    series[month - lowest] = values[i];
                }
            }
            return new BtsSeries(port, measure, BtsMonths.Month(lowest), series);
        }

        // The array grows on either side by half its length again, so a file in any order of months costs few copies.
        private int Slot(int month)
        {
            (lowest, highest) = (Math.Min(lowest, month), Math.Max(highest, month));
            if (month - first is var i && i >= 0 && i < values.Length)
            {
                return i;
            }
            var margin = Math.Max(values.Length / 2, 192);
            var from = Math.Min(lowest, values.Length == 0 ? month : first) - margin;
            var to = Math.Max(highest, values.Length == 0 ? month : first + values.Length - 1) + margin;
            var (grownValues, grownSources) = (new long[to - from + 1], new byte[to - from + 1]);
            if (values.Length > 0)
            {
                values.CopyTo(grownValues, first - from);
                sources.CopyTo(grownSources, first - from);
            }
            (first, values, sources) = (from, grownValues, grownSources);
            return month - first;
        }
    }
}
