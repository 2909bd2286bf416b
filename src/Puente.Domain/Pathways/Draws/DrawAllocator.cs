namespace Puente.Domain.Pathways.Draws;

/// <summary>Section 4 of <c>puente-draw/1</c>: waiting time first, then the lottery.</summary>
public static class DrawAllocator
{
    /// <summary>
    /// Allocates slots to entries. Expects input that passed <see cref="DrawInputValidator"/>;
    /// on other input it still returns a deterministic answer (unknown ports never fit).
    /// </summary>
    /// <returns>Selected entries, sorted by ticket in ordinal order.</returns>
    public static IReadOnlyList<DrawResult> Allocate(
        DrawAnnouncement announcement, IReadOnlyList<DrawEntry> entries, ReadOnlySpan<byte> seed)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return [];
        }

        var days = new int[entries.Count];
        var minSize = int.MaxValue;
        for (var i = 0; i < days.Length; i++)
        {
            days[i] = entries[i].RegisteredOn.DayNumber;
            minSize = Math.Min(minSize, entries[i].Size);
        }
        var keys = DrawKeyer.KeysFor(seed, entries);
        var byKey = DrawOrder.ByKey(keys, entries);
        var byWaitingTime = DrawOrder.ByWaitingTime(byKey, days);

        var board = new SlotBoard(announcement);

        var assigned = new List<Assignment>();
        var taken = new bool[entries.Count];
        foreach (var i in byWaitingTime)
        {
            if (!board.AnyPriorityRoom(minSize))
            {
                break;
            }
            var entry = entries[i];
            foreach (var code in entry.Ports)
            {
                var port = board.PortIndex(code);
                if (port < 0 || !board.HasPriorityRoom(port, entry.Size))
                {
                    continue;
                }
                var slot = board.EarliestFit(port, entry.Size);
                if (slot >= 0)
                {
                    board.Take(port, slot, entry.Size, priority: true);
                    assigned.Add(new Assignment(i, port, slot, 1));
                    taken[i] = true;
                    break;
                }
            }
        }

        foreach (var i in byKey)
        {
            if (!board.AnyRoom(minSize))
            {
                break;
            }
            if (taken[i])
            {
                continue;
            }
            var entry = entries[i];
            foreach (var code in entry.Ports)
            {
                var port = board.PortIndex(code);
                var slot = port < 0 ? -1 : board.EarliestFit(port, entry.Size);
                if (slot >= 0)
                {
                    board.Take(port, slot, entry.Size, priority: false);
                    assigned.Add(new Assignment(i, port, slot, 2));
                    break;
                }
            }
        }

        assigned.Sort((a, b) => string.CompareOrdinal(entries[a.Entry].Ticket, entries[b.Entry].Ticket));
        var results = new DrawResult[assigned.Count];
        for (var r = 0; r < results.Length; r++)
        {
            var a = assigned[r];
            var port = announcement.Ports[board.AnnouncementPort(a.Port)];
            results[r] = new DrawResult(entries[a.Entry].Ticket, port.Code, port.Slots[a.Slot].Start, a.Phase);
        }
        return results;
    }

    private readonly record struct Assignment(int Entry, int Port, int Slot, int Phase);
}
