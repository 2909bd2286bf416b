using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Puente.Domain.Binational.Simulator;
using Puente.Web.Binational.Figures;
using Puente.Web.Binational.Simulator;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Web.Binational.Scenarios;

/// <summary>
/// Runs the briefing's fixed set of policy scenarios for a period and stores them, so the briefing shows them
/// without running the simulator (seconds) on a request. Each scenario is the simulator run from the period's first
/// day over the period's recorded demand (the default demand when none is recorded), with a fixed seed. A set whose
/// inputs (recorded policy, demand, simulator version) are unchanged is already stored and is not run again.
/// </summary>
internal sealed class ComputeScenarios(PuenteDb db, RunPolicySimulation simulation, TimeProvider clock)
{
    /// <summary>The seed of every scenario: fixed, so the same records give the same briefing.</summary>
    public const int Seed = 2023;

    public const string Baseline = "baseline";

    /// <summary>The scenarios after the baseline, in the briefing's order: more places, then more weight to waiting.</summary>
    public static readonly IReadOnlyList<(string Code, double CapacityScale, int? PriorityPercent)> Changes =
    [
        ("capacity-1.5", 1.5, null),
        ("priority-80", 1, 80),
    ];

    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public sealed record Query(DateOnly From, DateOnly To);

    public abstract record Outcome;

    public sealed record Computed(string InputsHash, IReadOnlyList<ScenarioRecord> Scenarios) : Outcome;

    public sealed record AlreadyComputed(string InputsHash) : Outcome;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;

    public async Task<Outcome> Handle(Query query, CancellationToken cancellationToken = default)
    {
        if (query.To < query.From)
        {
            return new Invalid([new("to", FieldCodes.PeriodReversed, IsoDates.Write(query.From), IsoDates.Write(query.To))]);
        }
        if (query.To.DayNumber - query.From.DayNumber + 1 > PeriodFilter.MaxDays)
        {
            return new Invalid([new("to", FieldCodes.PeriodTooLong, PeriodFilter.MaxDays.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }
        var days = Math.Min(query.To.DayNumber - query.From.DayNumber + 1, RunPolicySimulation.MaxDays);
        var plans = new List<(string Code, RunPolicySimulation.Plan Plan)>();
        foreach (var (code, scale, priority) in Changes)
        {
            var inputs = new RunPolicySimulation.Inputs(
                Days: days, Seed: Seed, Start: query.From, CapacityScale: scale, PriorityPercent: priority,
                RecordedFrom: query.From, RecordedTo: query.To);
            switch (await simulation.Prepare(inputs, cancellationToken))
            {
                case RunPolicySimulation.Planned planned:
                    plans.Add((code, planned.Plan));
                    break;
                case RunPolicySimulation.Invalid invalid:
                    return new Invalid(invalid.Errors);
            }
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(
            new { PolicySimulator.Version, Scenarios = plans.Select(p => new { p.Code, p.Plan.Simulation }) }, Canonical)));
        if (await db.Scenarios.AnyAsync(s => s.PeriodFrom == query.From && s.PeriodTo == query.To
                && s.SimulatorVersion == PolicySimulator.Version && s.InputsHash == hash, cancellationToken))
        {
            return new AlreadyComputed(hash);
        }

        var now = clock.GetUtcNow();
        var results = plans.Select(p => (p.Code, Result: p.Plan.Run())).ToList();
        var first = results[0].Result;
        var records = new List<ScenarioRecord> { Record(query, hash, Baseline, first, first.BaselinePlacesPerDay, first.BaselinePriorityPercent, first.Report.Baseline, now) };
        records.AddRange(results.Select(r => Record(query, hash, r.Code, r.Result, r.Result.ScenarioPlacesPerDay, r.Result.ScenarioPriorityPercent, r.Result.Report.Scenario, now)));

        // The period's earlier results are replaced in the same transaction: the briefing reads one set per period.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Scenarios.Where(s => s.PeriodFrom == query.From && s.PeriodTo == query.To).ExecuteDeleteAsync(cancellationToken);
        db.Scenarios.AddRange(records);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance stored the same set first.
            return new AlreadyComputed(hash);
        }
        await transaction.CommitAsync(cancellationToken);
        return new Computed(hash, records);
    }

    private static ScenarioRecord Record(
        Query query, string hash, string code, RunPolicySimulation.Result result, int places, int priority, PolicyTotals totals, DateTimeOffset now) => new()
        {
            PeriodFrom = query.From,
            PeriodTo = query.To,
            SimulatorVersion = PolicySimulator.Version,
            InputsHash = hash,
            Scenario = code,
            Seed = result.Report.Seed,
            Start = result.Report.Start,
            Days = result.Report.Days,
            Demand = JsonNamingPolicy.CamelCase.ConvertName(result.Demand.ToString()),
            MeanDailyArrivals = result.MeanDailyArrivals,
            ReentryShare = result.ReentryShare,
            PlacesPerDay = places,
            PriorityPercent = priority,
            Requests = result.Report.Requests,
            Selected = totals.Selected,
            MedianDays = totals.Waits.MedianDays,
            P90Days = totals.Waits.P90Days,
            SelectedWithin30Days = totals.Waits.SelectedWithin30Days,
            ComputedAt = now,
        };
}
