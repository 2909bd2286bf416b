namespace Puente.Domain.Pathways.Draws;

/// <summary>
/// Remaining capacity per slot and priority use per port during one allocation. Tracks each port's
/// largest remaining slot so a full port is rejected without scanning its slots, and the allocator
/// can stop once nothing can fit anywhere.
/// </summary>
internal sealed class SlotBoard
{
    private readonly Dictionary<string, int> indexByCode = new(StringComparer.Ordinal);
    private readonly int[] announcementIndex;
    private readonly int[][] remaining;
    private readonly int[] largestRemaining;
    private readonly long[] quota;
    private readonly long[] used;

    public SlotBoard(DrawAnnouncement announcement)
    {
        var ports = new List<int>();
        for (var a = 0; a < announcement.Ports.Count; a++)
        {
            // A repeated port code is invalid input; the first one wins so the answer stays defined.
            if (indexByCode.TryAdd(announcement.Ports[a].Code, ports.Count))
            {
                ports.Add(a);
            }
        }
        announcementIndex = [.. ports];
        remaining = new int[ports.Count][];
        largestRemaining = new int[ports.Count];
        quota = new long[ports.Count];
        used = new long[ports.Count];
        for (var p = 0; p < ports.Count; p++)
        {
            var slots = announcement.Ports[ports[p]].Slots;
            remaining[p] = new int[slots.Count];
            long total = 0;
            for (var s = 0; s < slots.Count; s++)
            {
                remaining[p][s] = slots[s].Capacity;
                total += slots[s].Capacity;
            }
            // Integer floor as the spec requires; capacities and percent are non-negative once validated.
            quota[p] = total * announcement.PriorityPercent / 100;
            largestRemaining[p] = Largest(remaining[p]);
        }
    }

    public int PortIndex(string code) => indexByCode.GetValueOrDefault(code, -1);

    public int AnnouncementPort(int port) => announcementIndex[port];

    public bool HasPriorityRoom(int port, int size) => used[port] + size <= quota[port];

    public int EarliestFit(int port, int size)
    {
        if (size > largestRemaining[port])
        {
            return -1;
        }
        var slots = remaining[port];
        for (var s = 0; s < slots.Length; s++)
        {
            if (slots[s] >= size)
            {
                return s;
            }
        }
        return -1;
    }

    public void Take(int port, int slot, int size, bool priority)
    {
        remaining[port][slot] -= size;
        largestRemaining[port] = Largest(remaining[port]);
        if (priority)
        {
            used[port] += size;
        }
    }

    public bool AnyRoom(int minSize)
    {
        foreach (var largest in largestRemaining)
        {
            if (largest >= minSize)
            {
                return true;
            }
        }
        return false;
    }

    public bool AnyPriorityRoom(int minSize)
    {
        for (var p = 0; p < quota.Length; p++)
        {
            if (largestRemaining[p] >= minSize && used[p] + minSize <= quota[p])
            {
                return true;
            }
        }
        return false;
    }

    private static int Largest(int[] slots)
    {
        var largest = int.MinValue;
        foreach (var slot in slots)
        {
            largest = Math.Max(largest, slot);
        }
        return largest;
    }
}
