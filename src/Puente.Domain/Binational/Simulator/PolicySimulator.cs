using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Binational.Simulator;

/// <summary>
/// Runs the real daily draw (<see cref="DrawAllocator"/>) day after day over a synthetic population, once under
/// the baseline policy and once under the scenario. Both runs share everything random: who arrives when, each
/// request's ticket, each day's draw seed, and each request's decision to enter again; only the policy differs.
/// </summary>
public static class PolicySimulator
{
    /// <summary>Selected within this many days of the first request counts as "within 30 days".</summary>
    public const int WithinDays = 30;

    /// <summary>
    /// Names what a run computes: stored results (the briefing's scenarios) carry it, and a change that alters any
    /// output for the same inputs (population, day seeds, re-entry coins, statistics) must change it. It is also the
    /// prefix of each day's draw seed.
    /// </summary>
    public const string Version = "sim/1";

    private const int NotSelected = int.MaxValue;

    public static SimulationReport Run(SimulationInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs.Days);
        var population = Population.Generate(inputs);
        var (baselineWaits, baselineTotals) = Simulate(inputs, population, inputs.Baseline);
        var (scenarioWaits, scenarioTotals) = Simulate(inputs, population, inputs.Scenario);

        var cohorts = new SortedDictionary<(string Month, int Size, string Port), List<int>>(CohortOrder.Instance);
        for (var k = 0; k < population.Count; k++)
        {
            var entry = population.Entries[k];
            var key = (entry.RegisteredOn.ToString("yyyy-MM", CultureInfo.InvariantCulture), entry.Size, entry.Ports[0]);
            if (!cohorts.TryGetValue(key, out var members))
            {
                cohorts.Add(key, members = []);
            }
            members.Add(k);
        }
        var comparisons = cohorts
            .Select(c => new CohortComparison(
                c.Key.Month, c.Key.Size, c.Key.Port, c.Value.Count,
                Wait(c.Value, baselineWaits), Wait(c.Value, scenarioWaits)))
            .ToList();
        return new SimulationReport(inputs.Start, inputs.Days, inputs.Seed, population.Count, baselineTotals, scenarioTotals, comparisons);
    }

    private static (int[] Waits, PolicyTotals Totals) Simulate(SimulationInputs inputs, Population population, DrawPolicy policy)
    {
        var waits = new int[population.Count];
        Array.Fill(waits, NotSelected);
        var active = new List<int>();
        var entries = new List<DrawEntry>();
        var next = 0;
        var (draws, offered, selected, persons) = (0, 0, 0, 0);
        long entered = 0;
        Span<byte> seed = stackalloc byte[32];
        for (var day = 0; day < inputs.Days; day++)
        {
            var date = inputs.Start.AddDays(day);
            while (next < population.Count && population.ArrivalDay[next] == day)
            {
                active.Add(next++);
            }
            var ports = policy.Ports
                .Where(p => !policy.Closures.Any(c => c.Port == p.Code && c.First <= date && date <= c.Last))
                .ToList();
            if (ports.Count == 0 || active.Count == 0)
            {
                active = Reentering(inputs, active, day);
                continue;
            }
            draws++;
            offered += ports.Sum(p => p.Slots.Sum(s => s.Capacity));
            entered += active.Count;
            entries.Clear();
            foreach (var k in active)
            {
                entries.Add(population.Entries[k]);
            }
            DaySeed(inputs.Seed, day, seed);
            var announcement = new DrawAnnouncement(DrawProtocol.Name, date, "", policy.PriorityPercent, ports);
            foreach (var result in DrawAllocator.Allocate(announcement, entries, seed))
            {
                var k = Population.IndexOf(result.Ticket);
                waits[k] = day - population.ArrivalDay[k];
                selected++;
                persons += population.Entries[k].Size;
            }
            active = Reentering(inputs, active.Where(k => waits[k] == NotSelected), day);
        }
        return (waits, new PolicyTotals(draws, entered, selected, persons, offered, Wait([.. Enumerable.Range(0, population.Count)], waits)));
    }

    private static List<int> Reentering(SimulationInputs inputs, IEnumerable<int> waiting, int day) =>
        waiting.Where(k => Uniform(inputs.Seed, k, day) < inputs.Demand.ReentryShare).ToList();

    private static CohortWait Wait(List<int> members, int[] waits)
    {
        var days = members.Select(k => waits[k]).Order().ToArray();
        if (days.Length == 0)
        {
            return new CohortWait(0, null, null, 0);
        }
        var selected = days.Count(d => d != NotSelected);
        var within = days.Count(d => d <= WithinDays);
        return new CohortWait(
            selected,
            Rank(days, 0.5),
            Rank(days, 0.9),
            Math.Round((double)within / days.Length, 4, MidpointRounding.ToEven));
    }

    // Nearest-rank percentile; a rank that falls on a request never selected has no finite value.
    private static int? Rank(int[] sorted, double q)
    {
        var value = sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return value == NotSelected ? null : value;
    }

    private static void DaySeed(int seed, int day, Span<byte> destination)
    {
        Span<byte> message = stackalloc byte[20];
        "sim/1"u8.CopyTo(message); // Version, as bytes
        BinaryPrimitives.WriteInt32BigEndian(message[12..], seed);
        BinaryPrimitives.WriteInt32BigEndian(message[16..], day);
        SHA256.HashData(message, destination);
    }

    /// <summary>A request's own coin for "enters again after <paramref name="day"/>": the same in both runs.</summary>
    internal static double Uniform(int seed, int request, int day)
    {
        var x = unchecked(((ulong)(uint)seed << 32) ^ ((ulong)(uint)request * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)day * 0xC2B2AE3D27D4EB4FUL));
        // SplitMix64's finaliser: every input bit reaches every output bit.
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }

    private sealed class CohortOrder : IComparer<(string Month, int Size, string Port)>
    {
        public static readonly CohortOrder Instance = new();

        public int Compare((string Month, int Size, string Port) x, (string Month, int Size, string Port) y)
        {
            var month = string.CompareOrdinal(x.Month, y.Month);
            if (month != 0)
            {
                return month;
            }
            var size = x.Size.CompareTo(y.Size);
            return size != 0 ? size : string.CompareOrdinal(x.Port, y.Port);
        }
    }
}
