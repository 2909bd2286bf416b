using System.Runtime.InteropServices;

namespace Puente.Domain.Ports.Flows;

/// <summary>A count as stored: one value of one key. A key with two stored values is a conflict kept for people to settle.</summary>
public readonly record struct BtsCount(string PortCode, DateOnly Month, BtsMeasure Measure, long Value)
{
    public BtsKey Key => new(PortCode, Month, Measure);
}

/// <summary>A key with more than one value, in the file or between the file and what was stored.</summary>
public sealed record BtsConflict(BtsKey Key, IReadOnlyList<long> Values);

/// <summary>
/// What importing a file changes, decided before anything is written: the counts, and the stored shape (see
/// <see cref="BtsSeries"/>) of every port that gains some, whole: its series and, apart, every value of a month
/// in conflict. A port that gains nothing is not in <see cref="Series"/> nor <see cref="Conflicting"/>.
/// </summary>
public sealed record BtsImportPlan(
    int Added,
    IReadOnlyList<BtsRow> ExactDuplicates,
    int AlreadyStored,
    IReadOnlyList<BtsConflict> Conflicts,
    IReadOnlyDictionary<string, int> UnknownPorts,
    IReadOnlyList<string> ChangedPorts,
    IReadOnlyList<BtsSeries> Series,
    IReadOnlyList<BtsCount> Conflicting)
{
    /// <summary>
    /// Exact repeats collapse into one count; a second value for a key is added beside the first, never
    /// instead of it, and the key is reported as a conflict. Rows already stored change nothing, so
    /// importing the same file twice adds nothing the second time. Rows of a port not in
    /// <paramref name="knownPorts"/> (when given) are skipped and counted by port.
    /// </summary>
    /// <param name="storedSeries">What is stored for the ports of the file (more does no harm).</param>
    /// <param name="storedConflicts">Every stored value of a month in conflict, for the same ports.</param>
    public static BtsImportPlan Make(IEnumerable<BtsRow> rows, IReadOnlySet<string>? knownPorts,
        IEnumerable<BtsSeries> storedSeries, IEnumerable<BtsCount> storedConflicts)
    {
        // One pass over the rows into an array of months per port and measure, where an exact repeat, a value
        // already stored and a conflict each show at once; no key is hashed per row, no count is grouped.
        var ports = new Dictionary<string, PortCounts>(StringComparer.Ordinal);
        foreach (var series in storedSeries)
        {
            var months = Port(ports, series.PortCode).Months(series.Measure);
            var first = MonthGrid.Index(series.FirstMonth);
            for (var i = 0; i < series.Values.Count; i++)
            {
                if (series.Values[i] is { } value)
                {
                    months.Add(first + i, value, MonthGrid.Stored);
                }
            }
        }
        foreach (var count in storedConflicts)
        {
            Port(ports, count.PortCode).Months(count.Measure).Add(MonthGrid.Index(count.Month), count.Value, MonthGrid.Stored);
        }

        var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
        var duplicates = new List<BtsRow>();
        var (added, alreadyStored) = (0, 0);
        PortCounts? last = null;
        foreach (var row in rows)
        {
            // The reader makes each port code's string once, so the row's port is nearly always found by reference.
            var port = last is not null && ReferenceEquals(last.Code, row.PortCode) ? last : Port(ports, row.PortCode);
            last = port;
            if (!(port.Known ??= knownPorts?.Contains(row.PortCode) ?? true))
            {
                unknown[row.PortCode] = unknown.GetValueOrDefault(row.PortCode) + 1;
                continue;
            }
            switch (port.Months(row.Measure).Add(MonthGrid.Index(row.Month), row.Value, MonthGrid.File))
            {
                case Seen.New:
                    added++;
                    port.Changed = true;
                    break;
                case Seen.Again:
                    duplicates.Add(row);
                    break;
                default:
                    alreadyStored++;
                    break;
            }
        }

        var conflicts = new List<BtsConflict>();
        var written = new List<BtsSeries>();
        var conflicting = new List<BtsCount>();
        var changed = new List<string>();
        foreach (var port in ports.Values.OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            if (port.Changed)
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
                if (port.Changed && months.Series(port.Code, (BtsMeasure)measure, conflicting) is { } series)
                {
                    written.Add(series);
                }
            }
        }
        conflicts.Sort((a, b) => (a.Key.PortCode, a.Key.Month, a.Key.Measure).CompareTo((b.Key.PortCode, b.Key.Month, b.Key.Measure)));
        return new(added, duplicates, alreadyStored, conflicts, unknown, changed, written, conflicting);
    }

    private static PortCounts Port(Dictionary<string, PortCounts> ports, string code)
    {
        ref var port = ref CollectionsMarshal.GetValueRefOrAddDefault(ports, code, out _);
        return port ??= new PortCounts(code);
    }

    private enum Seen
    {
        /// <summary>A value this month did not have.</summary>
        New,

        /// <summary>A value the same source gave this month already (for the file, an exact repeat).</summary>
        Again,

        /// <summary>A value the other source gave this month (for the file, already stored).</summary>
        Known,
    }

    private sealed class PortCounts(string code)
    {
        public string Code { get; } = code;

        /// <summary>Whether the registry knows the port; decided at its first row.</summary>
        public bool? Known { get; set; }

        public bool Changed { get; set; }

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

        public static int Index(DateOnly month) => month.Year * 12 + month.Month - 1;

        private static DateOnly Month(int index) => new(index / 12, index % 12 + 1, 1);

        public Seen Add(int month, long value, byte source)
        {
            var i = Slot(month);
            ref var sources = ref this.sources[i];
            if (sources == 0)
            {
                (values[i], sources) = (value, source);
                return Seen.New;
            }
            if ((sources & Several) == 0)
            {
                if (values[i] == value)
                {
                    var again = (sources & source) != 0;
                    sources |= source;
                    return again ? Seen.Again : Seen.Known;
                }
                (several ??= [])[month] = [(values[i], sources), (value, source)];
                sources = Several;
                return Seen.New;
            }
            var all = CollectionsMarshal.AsSpan(several![month]);
            for (var j = 0; j < all.Length; j++)
            {
                if (all[j].Value == value)
                {
                    var again = (all[j].Sources & source) != 0;
                    all[j].Sources |= source;
                    return again ? Seen.Again : Seen.Known;
                }
            }
            several[month].Add((value, source));
            return Seen.New;
        }

        /// <summary>The months the file gave a value to and that hold more than one, with all their values.</summary>
        public IEnumerable<(DateOnly Month, IReadOnlyList<long> Values)> Conflicts() =>
            several is null ? [] : several.Where(m => m.Value.Exists(v => (v.Sources & File) != 0))
                .Select(m => (Month(m.Key), (IReadOnlyList<long>)[.. m.Value.Select(v => v.Value).Order()]));

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
                    conflicting.AddRange(several![month].Select(v => v.Value).Order().Select(v => new BtsCount(port, Month(month), measure, v)));
                }
                else if (sources[i] != 0)
                {
                    series[month - lowest] = values[i];
                }
            }
            return new BtsSeries(port, measure, Month(lowest), series);
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
