namespace Puente.Domain.Pathways.Draws;

/// <summary>
/// The two processing orders of section 4, computed on index arrays so a million entries sort as
/// primitives rather than as records through a comparer.
/// </summary>
internal static class DrawOrder
{
    /// <summary>Indices by (key, ticket ordinal): the lottery order of phase 2.</summary>
    public static int[] ByKey(ulong[] keys, IReadOnlyList<DrawEntry> entries)
    {
        var sortedKeys = (ulong[])keys.Clone();
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(sortedKeys, order);

        // Equal keys mean a repeated ticket or a 64-bit collision; both are rare, so the ticket
        // tie-break only runs over those short runs.
        var start = 0;
        while (start < sortedKeys.Length)
        {
            var end = start + 1;
            while (end < sortedKeys.Length && sortedKeys[end] == sortedKeys[start])
            {
                end++;
            }
            if (end - start > 1)
            {
                Array.Sort(order, start, end - start, Comparer<int>.Create(
                    (a, b) => string.CompareOrdinal(entries[a].Ticket, entries[b].Ticket)));
            }
            start = end;
        }
        return order;
    }

    /// <summary>
    /// Indices by (registeredOn, key, ticket ordinal): the waiting-time order of phase 1. A stable
    /// regrouping of <paramref name="byKey"/> by day gives exactly that order.
    /// </summary>
    /// <param name="byKey">The phase-2 order.</param>
    /// <param name="days">Each entry's <see cref="DateOnly.DayNumber"/>, gathered once so this pass
    /// reads a flat array instead of chasing a million entry objects in key order.</param>
    public static int[] ByWaitingTime(int[] byKey, int[] days)
    {
        var minDay = int.MaxValue;
        var maxDay = int.MinValue;
        foreach (var day in days)
        {
            minDay = Math.Min(minDay, day);
            maxDay = Math.Max(maxDay, day);
        }
        var range = (long)maxDay - minDay + 1;
        return range <= 4L * byKey.Length + 1024
            ? CountingByDay(byKey, days, minDay, (int)range)
            : PackedByDay(byKey, days, minDay);
    }

    private static int[] CountingByDay(int[] byKey, int[] days, int minDay, int range)
    {
        var starts = new int[range + 1];
        foreach (var day in days)
        {
            starts[day - minDay + 1]++;
        }
        for (var d = 1; d <= range; d++)
        {
            starts[d] += starts[d - 1];
        }
        var order = new int[byKey.Length];
        foreach (var i in byKey)
        {
            order[starts[days[i] - minDay]++] = i;
        }
        return order;
    }

    // Days span at most ~3.65 million values (22 bits), so (day, rank in key order) packs into one ulong.
    private static int[] PackedByDay(int[] byKey, int[] days, int minDay)
    {
        var packed = new ulong[byKey.Length];
        for (var rank = 0; rank < byKey.Length; rank++)
        {
            var day = (ulong)(uint)(days[byKey[rank]] - minDay);
            packed[rank] = (day << 32) | (uint)rank;
        }
        Array.Sort(packed);
        var order = new int[byKey.Length];
        for (var r = 0; r < order.Length; r++)
        {
            order[r] = byKey[(int)(uint)packed[r]];
        }
        return order;
    }
}
