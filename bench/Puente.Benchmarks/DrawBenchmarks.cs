using BenchmarkDotNet.Attributes;
using Puente.Domain.Pathways.Draws;

namespace Puente.Benchmarks;

/// <summary>
/// The daily draw at realistic shape: ~1,450 persons of capacity across the eight CBP One ports,
/// against request volumes from a quiet day to the worst seen. The baseline isolates the part
/// every draw must pay (one HMAC per entry and a sort); the full draw adds both phases.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class DrawBenchmarks
{
    // Share of daily capacity and of first preferences per port, roughly by historic volume.
    private static readonly (string Code, int Weight)[] Ports =
    [
        ("2504", 22), ("2402", 18), ("2305", 14), ("2304", 12),
        ("2604", 10), ("2301", 10), ("2303", 8), ("2503", 6),
    ];

    private const int DailyCapacity = 1_450;
    private const string TicketAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private DrawAnnouncement announcement = null!;
    private DrawEntry[] entries = [];
    private byte[] seed = [];

    [Params(10_000, 100_000, 1_000_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261201);
        announcement = Announcement();
        var firstDay = new DateOnly(2025, 10, 27).DayNumber;
        var tickets = new HashSet<string>(StringComparer.Ordinal);
        entries = new DrawEntry[Entries];
        for (var i = 0; i < entries.Length; i++)
        {
            string ticket;
            do
            {
                ticket = string.Create(10, random, (span, r) =>
                {
                    for (var c = 0; c < span.Length; c++)
                    {
                        span[c] = TicketAlphabet[r.Next(TicketAlphabet.Length)];
                    }
                });
            }
            while (!tickets.Add(ticket));

            entries[i] = new DrawEntry(
                ticket, DateOnly.FromDayNumber(firstDay + random.Next(400)), GroupSize(random), Preferences(random));
        }
        seed = new byte[32];
        random.NextBytes(seed);
    }

    [Benchmark(Baseline = true)]
    public int KeysAndSort()
    {
        var keys = DrawKeyer.KeysFor(seed, entries);
        return DrawOrder.ByKey(keys, entries)[0];
    }

    [Benchmark]
    public int FullDraw() => DrawAllocator.Allocate(announcement, entries, seed).Count;

    private static DrawAnnouncement Announcement()
    {
        var totalWeight = Ports.Sum(p => p.Weight);
        var ports = Ports.Select(p =>
        {
            // Twelve hourly slots from 07:00; the remainder of the division goes to the first slots.
            var persons = DailyCapacity * p.Weight / totalWeight;
            var slots = Enumerable.Range(0, 12)
                .Select(h => new DrawSlot($"{7 + h:00}:00", (persons / 12) + (h < persons % 12 ? 1 : 0)))
                .ToList();
            return new DrawPort(p.Code, slots);
        }).ToList();
        return new DrawAnnouncement(DrawProtocol.Name, new DateOnly(2026, 12, 1), new string('0', 64), 50, ports);
    }

    private static int GroupSize(Random random) => random.Next(100) switch
    {
        < 40 => 1,
        < 65 => 2,
        < 80 => 3,
        < 90 => 4,
        < 96 => 5,
        _ => 6,
    };

    private static string[] Preferences(Random random)
    {
        var count = random.Next(100) switch { < 50 => 1, < 80 => 2, _ => 3 };
        var chosen = new List<string>(count);
        while (chosen.Count < count)
        {
            var pick = random.Next(Ports.Sum(p => p.Weight));
            foreach (var (code, weight) in Ports)
            {
                if ((pick -= weight) < 0)
                {
                    if (!chosen.Contains(code))
                    {
                        chosen.Add(code);
                    }
                    break;
                }
            }
        }
        return [.. chosen];
    }
}
