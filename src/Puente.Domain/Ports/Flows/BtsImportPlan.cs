namespace Puente.Domain.Ports.Flows;

/// <summary>A count as stored: one value of one key. A key with two stored values is a conflict kept for people to settle.</summary>
public readonly record struct BtsCount(string PortCode, DateOnly Month, BtsMeasure Measure, long Value)
{
    public BtsKey Key => new(PortCode, Month, Measure);
}

/// <summary>A key with more than one value, in the file or between the file and what was stored.</summary>
public sealed record BtsConflict(BtsKey Key, IReadOnlyList<long> Values);

/// <summary>What importing a file changes, decided before anything is written.</summary>
public sealed record BtsImportPlan(
    IReadOnlyList<BtsCount> ToAdd,
    IReadOnlyList<BtsRow> ExactDuplicates,
    int AlreadyStored,
    IReadOnlyList<BtsConflict> Conflicts)
{
    /// <summary>
    /// Exact repeats collapse into one count; a second value for a key is added beside the first, never
    /// instead of it, and the key is reported as a conflict. Rows already stored change nothing, so
    /// importing the same file twice adds nothing the second time.
    /// </summary>
    public static BtsImportPlan Make(IEnumerable<BtsRow> rows, IReadOnlyDictionary<BtsKey, IReadOnlyList<long>> stored)
    {
        var seen = new HashSet<BtsCount>();
        var toAdd = new List<BtsCount>();
        var duplicates = new List<BtsRow>();
        var values = new Dictionary<BtsKey, SortedSet<long>>();
        var alreadyStored = 0;
        foreach (var row in rows)
        {
            var count = new BtsCount(row.PortCode, row.Month, row.Measure, row.Value);
            if (!seen.Add(count))
            {
                duplicates.Add(row);
                continue;
            }
            var known = stored.TryGetValue(row.Key, out var storedValues) ? storedValues : [];
            if (!values.TryGetValue(row.Key, out var all))
            {
                values[row.Key] = all = [.. known];
            }
            all.Add(row.Value);
            if (known.Contains(row.Value))
            {
                alreadyStored++;
            }
            else
            {
                toAdd.Add(count);
            }
        }
        var conflicts = values.Where(v => v.Value.Count > 1)
            .Select(v => new BtsConflict(v.Key, [.. v.Value]))
            .OrderBy(c => c.Key.PortCode, StringComparer.Ordinal).ThenBy(c => c.Key.Month).ThenBy(c => c.Key.Measure)
            .ToList();
        return new(toAdd, duplicates, alreadyStored, conflicts);
    }
}
