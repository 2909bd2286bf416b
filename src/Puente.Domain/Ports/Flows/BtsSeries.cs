namespace Puente.Domain.Ports.Flows;

/// <summary>
/// One port's monthly counts of one measure as they are stored and read: a value per month from
/// <see cref="FirstMonth"/> on, null where BTS gave no single value (no row, or a conflict, whose values
/// are kept apart as <see cref="BtsCount"/>s).
/// </summary>
public sealed record BtsSeries(string PortCode, BtsMeasure Measure, DateOnly FirstMonth, IReadOnlyList<long?> Values)
{
    /// <summary>The months that hold a single value, as counts.</summary>
    public IEnumerable<BtsCount> Counts(DateOnly? from = null, DateOnly? to = null)
    {
        for (var i = 0; i < Values.Count; i++)
        {
            var month = FirstMonth.AddMonths(i);
            if (Values[i] is { } value && (from is null || month >= from) && (to is null || month <= to))
            {
                yield return new BtsCount(PortCode, month, Measure, value);
            }
        }
    }

    /// <summary>
    /// The stored shape of a set of distinct counts: one series per port and measure, and apart the counts of
    /// every key that has more than one value, so a conflict keeps all its values and none is picked.
    /// </summary>
    public static (IReadOnlyList<BtsSeries> Series, IReadOnlyList<BtsCount> Conflicting) Of(IEnumerable<BtsCount> counts)
    {
        var series = new List<BtsSeries>();
        var conflicting = new List<BtsCount>();
        foreach (var group in counts.GroupBy(c => (c.PortCode, c.Measure)))
        {
            var first = group.Min(c => c.Month);
            var values = new long?[MonthsBetween(first, group.Max(c => c.Month)) + 1];
            var conflicted = new bool[values.Length];
            foreach (var count in group)
            {
                var i = MonthsBetween(first, count.Month);
                conflicted[i] |= values[i] is not null && values[i] != count.Value;
                values[i] ??= count.Value;
            }
            foreach (var count in group.Where(c => conflicted[MonthsBetween(first, c.Month)]))
            {
                values[MonthsBetween(first, count.Month)] = null;
                conflicting.Add(count);
            }
            series.Add(new BtsSeries(group.Key.PortCode, group.Key.Measure, first, values));
        }
        return (series, conflicting);
    }

    private static int MonthsBetween(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month;
}
