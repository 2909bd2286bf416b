using System.Runtime.InteropServices;

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
        // One lookup per row: nearly every key has one value, so a key's values are kept without a set.
        var keys = new Dictionary<BtsKey, KeyValues>(rows.TryGetNonEnumeratedCount(out var count) ? count : 0);
        var toAdd = new List<BtsCount>(count);
        var duplicates = new List<BtsRow>();
        var alreadyStored = 0;
        foreach (var row in rows)
        {
            var key = row.Key;
            ref var values = ref CollectionsMarshal.GetValueRefOrAddDefault(keys, key, out var exists);
            if (!exists)
            {
                values = new KeyValues(stored.TryGetValue(key, out var known) ? known : []);
            }
            if (!values!.AddFromFile(row.Value))
            {
                duplicates.Add(row);
            }
            else if (values.Stored.Contains(row.Value))
            {
                alreadyStored++;
            }
            else
            {
                toAdd.Add(new BtsCount(row.PortCode, row.Month, row.Measure, row.Value));
            }
        }
        var conflicts = keys.Where(k => k.Value.Conflicting)
            .Select(k => new BtsConflict(k.Key, k.Value.All()))
            .OrderBy(c => c.Key.PortCode, StringComparer.Ordinal).ThenBy(c => c.Key.Month).ThenBy(c => c.Key.Measure)
            .ToList();
        return new(toAdd, duplicates, alreadyStored, conflicts);
    }

    /// <summary>A key's stored values and the distinct values the file gave it.</summary>
    private sealed class KeyValues(IReadOnlyList<long> stored)
    {
        private long first;
        private bool any;
        private List<long>? more;

        public IReadOnlyList<long> Stored => stored;

        public bool Conflicting => more is not null || stored.Count > 1 || (stored.Count == 1 && any && stored[0] != first);

        /// <summary>False when the file gave this value already (an exact repeat).</summary>
        public bool AddFromFile(long value)
        {
            if (!any)
            {
                (first, any) = (value, true);
                return true;
            }
            if (first == value || more?.Contains(value) == true)
            {
                return false;
            }
            (more ??= []).Add(value);
            return true;
        }

        public IReadOnlyList<long> All() => [.. stored.Concat(any ? [first] : []).Concat(more ?? []).Distinct().Order()];
    }
}
