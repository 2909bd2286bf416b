using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Tests.Pathways.Draws;

/// <summary>Section 4 written as literally as possible, to check the optimised allocator against.</summary>
internal static class ReferenceAllocator
{
    public static List<DrawResult> Allocate(DrawAnnouncement announcement, IReadOnlyList<DrawEntry> entries, byte[] seed)
    {
        var remaining = announcement.Ports.ToDictionary(p => p.Code, p => p.Slots.Select(s => s.Capacity).ToArray());
        var quota = announcement.Ports.ToDictionary(p => p.Code, p => p.Slots.Sum(s => s.Capacity) * announcement.PriorityPercent / 100);
        var used = announcement.Ports.ToDictionary(p => p.Code, _ => 0);
        var key = entries.ToDictionary(e => e.Ticket, e => DrawDigests.Key(seed, e.Ticket));
        var results = new List<DrawResult>();

        int EarliestFit(DrawEntry entry, string port) => Array.FindIndex(remaining[port], r => r >= entry.Size);

        var phase1 = entries.OrderBy(e => e.RegisteredOn).ThenBy(e => key[e.Ticket]).ThenBy(e => e.Ticket, StringComparer.Ordinal);
        foreach (var entry in phase1)
        {
            foreach (var port in entry.Ports)
            {
                var slot = EarliestFit(entry, port);
                if (used[port] + entry.Size <= quota[port] && slot >= 0)
                {
                    remaining[port][slot] -= entry.Size;
                    used[port] += entry.Size;
                    results.Add(new DrawResult(entry.Ticket, port, SlotStart(announcement, port, slot), 1));
                    break;
                }
            }
        }

        var selected = results.Select(r => r.Ticket).ToHashSet(StringComparer.Ordinal);
        var phase2 = entries.Where(e => !selected.Contains(e.Ticket))
            .OrderBy(e => key[e.Ticket]).ThenBy(e => e.Ticket, StringComparer.Ordinal);
        foreach (var entry in phase2)
        {
            foreach (var port in entry.Ports)
            {
                var slot = EarliestFit(entry, port);
                if (slot >= 0)
                {
                    remaining[port][slot] -= entry.Size;
                    results.Add(new DrawResult(entry.Ticket, port, SlotStart(announcement, port, slot), 2));
                    break;
                }
            }
        }
        return [.. results.OrderBy(r => r.Ticket, StringComparer.Ordinal)];
    }

    private static string SlotStart(DrawAnnouncement announcement, string port, int slot) =>
        announcement.Ports.Single(p => p.Code == port).Slots[slot].Start;
}
