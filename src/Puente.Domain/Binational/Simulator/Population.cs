using System.Globalization;
using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Binational.Simulator;

/// <summary>
/// Every request the run will see, generated once from the seed so both policies face the same people:
/// the day of the first request, the registration date before it, the group size and 1–3 ports.
/// </summary>
internal sealed class Population
{
    private const string TicketPrefix = "S";

    private Population(DrawEntry[] entries, int[] arrivalDay)
    {
        Entries = entries;
        ArrivalDay = arrivalDay;
    }

    public DrawEntry[] Entries { get; }

    /// <summary>Day index of each request's first entry, ascending.</summary>
    public int[] ArrivalDay { get; }

    public int Count => Entries.Length;

    public static int IndexOf(string ticket) => int.Parse(ticket.AsSpan(TicketPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture);

    public static Population Generate(SimulationInputs inputs)
    {
        var demand = inputs.Demand;
        var random = new Random(inputs.Seed);
        var sizes = new Picker<int>(demand.GroupSizes);
        var ports = new Picker<string>(demand.FirstPorts);
        var entries = new List<DrawEntry>();
        var arrivals = new List<int>();
        for (var day = 0; day < inputs.Days; day++)
        {
            var count = demand.DailyArrivals.Count == 0 ? 0 : demand.DailyArrivals[day % demand.DailyArrivals.Count];
            for (var i = 0; i < count; i++)
            {
                var registered = inputs.Start.AddDays(day - random.Next(demand.MaxBacklogDays + 1));
                var size = sizes.Pick(random);
                entries.Add(new DrawEntry(
                    string.Create(CultureInfo.InvariantCulture, $"{TicketPrefix}{entries.Count:D9}"), registered, size, Preferences(random, ports)));
                arrivals.Add(day);
            }
        }
        return new Population([.. entries], [.. arrivals]);
    }

    private static string[] Preferences(Random random, Picker<string> ports)
    {
        var wanted = Math.Min(ports.Count, random.Next(100) switch { < 50 => 1, < 80 => 2, _ => 3 });
        var chosen = new List<string>(wanted);
        while (chosen.Count < wanted)
        {
            var port = ports.Pick(random);
            if (!chosen.Contains(port))
            {
                chosen.Add(port);
            }
        }
        return [.. chosen];
    }

    private sealed class Picker<T>(IReadOnlyList<Weighted<T>> weighted)
    {
        private readonly Weighted<T>[] choices = [.. weighted.Where(w => w.Weight > 0)];
        private readonly int total = weighted.Where(w => w.Weight > 0).Sum(w => w.Weight);

        public int Count => choices.Length;

        public T Pick(Random random)
        {
            var pick = random.Next(total);
            foreach (var choice in choices)
            {
                if ((pick -= choice.Weight) < 0)
                {
                    return choice.Value;
                }
            }
            throw new InvalidOperationException("Weights must be positive.");
        }
    }
}
