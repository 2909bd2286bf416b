using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Binational.Simulator;

/// <summary>The changes a scenario makes to a day's capacity, each giving a new list of ports.</summary>
public static class PolicyChanges
{
    /// <summary>Every slot's capacity times <paramref name="scale"/>, rounded half to even.</summary>
    public static IReadOnlyList<DrawPort> Scaled(IReadOnlyList<DrawPort> ports, double scale) =>
        [.. ports.Select(p => new DrawPort(p.Code, [.. p.Slots.Select(s => new DrawSlot(s.Start, (int)Math.Round(s.Capacity * scale, MidpointRounding.ToEven)))]))];

    /// <summary>
    /// A port's capacity set to <paramref name="persons"/> a day, spread over its slots in proportion to the
    /// slots it has (remainder to the earliest); a port without slots gets twelve hourly slots from 07:00.
    /// </summary>
    public static IReadOnlyList<DrawPort> WithPortCapacity(IReadOnlyList<DrawPort> ports, string code, int persons)
    {
        var existing = ports.FirstOrDefault(p => p.Code == code);
        var template = existing is { Slots.Count: > 0 } && existing.Slots.Sum(s => s.Capacity) > 0
            ? existing.Slots
            : [.. Enumerable.Range(0, 12).Select(h => new DrawSlot($"{7 + h:00}:00", 1))];
        var total = template.Sum(s => (long)s.Capacity);
        var shares = template.Select(s => (int)(persons * (long)s.Capacity / total)).ToArray();
        var left = persons - shares.Sum();
        for (var i = 0; left > 0; i = (i + 1) % shares.Length, left--)
        {
            shares[i]++;
        }
        var port = new DrawPort(code, [.. template.Select((s, i) => new DrawSlot(s.Start, shares[i]))]);
        return [.. ports.Where(p => p.Code != code).Append(port).OrderBy(p => p.Code, StringComparer.Ordinal)];
    }
}
