using BenchmarkDotNet.Attributes;
using Puente.Domain.Binational.Simulator;
using Puente.Domain.Pathways.Draws;

namespace Puente.Benchmarks;

/// <summary>
/// The policy simulator at the size the binational meeting asks about: 10,000 entries in each daily draw for 90
/// days (10,224 a draw on average under the baseline), under the baseline and a doubled-capacity scenario (180 draws). The baseline is one real draw of
/// 10,000 entries, so the ratio reads as "the cost of so many draws".
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 3)]
public class SimulatorBenchmarks
{
    private static readonly DateOnly Start = new(2026, 12, 1);

    // New requests a day and the share entering again: from the second week the pool holds more than 10,000 entries
    // a draw under the baseline (10,224 on average over the 90 days, 8,459 with doubled capacity).
    private const int Arrivals = 3_100;
    private const double Reentry = 0.75;

    private SimulationInputs inputs = null!;
    private DrawAnnouncement announcement = null!;
    private DrawEntry[] entries = [];
    private byte[] seed = [];

    [GlobalSetup]
    public void Setup()
    {
        var demand = DemandProfile.Default(Reentry) with { DailyArrivals = [Arrivals] };
        var ports = demand.FirstPorts
            .Select(p => new DrawPort(p.Value, [.. Enumerable.Range(0, 12).Select(h => new DrawSlot($"{7 + h:00}:00", 1_450 * p.Weight / 100 / 12))]))
            .ToList();
        inputs = new SimulationInputs(Start, 90, 7, demand,
            new DrawPolicy(ports, 50, []), new DrawPolicy(PolicyChanges.Scaled(ports, 2), 50, []));
        announcement = new DrawAnnouncement(DrawProtocol.Name, Start, new string('0', 64), 50, ports);
        var random = new Random(7);
        entries = [.. Enumerable.Range(0, 10_000).Select(i => new DrawEntry(
            $"T{i:D9}", Start.AddDays(-random.Next(180)), 1 + random.Next(4), [ports[random.Next(ports.Count)].Code]))];
        seed = new byte[32];
        random.NextBytes(seed);
    }

    [Benchmark(Baseline = true)]
    public int OneDrawOf10000Entries() => DrawAllocator.Allocate(announcement, entries, seed).Count;

    [Benchmark]
    public long Simulate90Days() => PolicySimulator.Run(inputs).Baseline.Entries;
}
