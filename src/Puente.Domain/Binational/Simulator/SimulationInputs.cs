using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Binational.Simulator;

/// <summary>Who asks for appointments: how many new requests arrive each day and what they look like.</summary>
/// <param name="DailyArrivals">New requests per simulated day, used in turn and repeated when shorter than the run.</param>
/// <param name="GroupSizes">Relative weight of each group size.</param>
/// <param name="FirstPorts">Relative weight of each port as the first preference; second and third choices follow the same weights.</param>
/// <param name="MaxBacklogDays">Registration happened between 0 and this many days before the first request.</param>
/// <param name="ReentryShare">Chance (0..1) that an entry not selected enters again the next day.</param>
public sealed record DemandProfile(
    IReadOnlyList<int> DailyArrivals,
    IReadOnlyList<Weighted<int>> GroupSizes,
    IReadOnlyList<Weighted<string>> FirstPorts,
    int MaxBacklogDays,
    double ReentryShare)
{
    /// <summary>The demand used when nothing is recorded: group sizes and port weights of the CBP One period, about two requests per place.</summary>
    public static DemandProfile Default(double reentryShare) => new(
        [3_000],
        [new(1, 40), new(2, 25), new(3, 15), new(4, 10), new(5, 6), new(6, 4)],
        [
            new("2504", 22), new("2402", 18), new("2305", 14), new("2304", 12),
            new("2604", 10), new("2301", 10), new("2303", 8), new("2503", 6),
        ],
        180,
        reentryShare);
}

/// <summary>A value and its relative weight.</summary>
public sealed record Weighted<T>(T Value, int Weight);

/// <summary>A closed port: no appointments from <paramref name="First"/> to <paramref name="Last"/>, both included.</summary>
public sealed record SimulatedClosure(string Port, DateOnly First, DateOnly Last);

/// <summary>How the draw is run each day: capacity per port and slot, the waiting-time share, closures.</summary>
public sealed record DrawPolicy(IReadOnlyList<DrawPort> Ports, int PriorityPercent, IReadOnlyList<SimulatedClosure> Closures);

/// <summary>One run: the same demand and seed under the baseline policy and under the scenario.</summary>
public sealed record SimulationInputs(
    DateOnly Start, int Days, int Seed, DemandProfile Demand, DrawPolicy Baseline, DrawPolicy Scenario);
