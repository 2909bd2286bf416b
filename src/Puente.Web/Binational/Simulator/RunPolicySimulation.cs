using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Binational.Simulator;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Capacity;
using Puente.Web.Ports.Closures;

namespace Puente.Web.Binational.Simulator;

/// <summary>
/// "What if we change capacity or the priority split?": the recorded policy (today's capacity template and
/// overrides, the configured priority share, the closures on the books) as the baseline, the changes asked
/// for as the scenario, over demand taken from the recorded requests, a given rate, or a default when
/// nothing is recorded. Reads only; the draw it runs is <see cref="PolicySimulator"/>'s, in memory.
/// </summary>
internal sealed class RunPolicySimulation(PuenteDb db, DailySchedule schedule, IOptions<PathwaysOptions> options, TimeProvider clock)
{
    public const int MaxDays = 366;
    public const int MaxRate = 100_000;
    public const double MaxScale = 10;
    public const double DefaultReentryShare = 0.8;

    /// <param name="Start">First simulated service date; tomorrow (UTC) when absent.</param>
    /// <param name="Rate">New requests per day; absent: as recorded, or the default demand when nothing is.</param>
    /// <param name="ReentryShare">Absent: the recorded share of requests that asked to enter again, else 0.8.</param>
    /// <param name="RecordedFrom">With <paramref name="RecordedTo"/>: recorded demand is the requests for service dates in these days only.</param>
    public sealed record Inputs(
        int Days = 60,
        int Seed = 1,
        DateOnly? Start = null,
        double CapacityScale = 1,
        int? PriorityPercent = null,
        int? Rate = null,
        double? ReentryShare = null,
        IReadOnlyList<PortCapacity>? PortCapacities = null,
        IReadOnlyList<PortClosure>? Closures = null,
        DateOnly? RecordedFrom = null,
        DateOnly? RecordedTo = null);

    /// <summary>A port's persons per day, written <c>CODE=N</c> (<c>2504=400</c>).</summary>
    public sealed record PortCapacity(string Port, int Persons)
    {
        public static PortCapacity? Parse(string value)
        {
            var parts = value.Split('=', 2);
            return parts.Length == 2 && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var persons)
                ? new(parts[0].Trim(), persons)
                : null;
        }
    }

    /// <summary>A closure to apply, written <c>CODE:FROM:TO</c> (<c>2603:2026-12-04:2027-01-04</c>).</summary>
    public sealed record PortClosure(string Port, DateOnly From, DateOnly To)
    {
        public static PortClosure? Parse(string value) =>
            value.Split(':') is [var port, var from, var to] && IsoDates.Parse(from.Trim()) is { } first && IsoDates.Parse(to.Trim()) is { } last
                ? new(port.Trim(), first, last)
                : null;
    }

    /// <summary>Where the day's new requests came from.</summary>
    public enum DemandSource
    {
        Recorded,
        Rate,
        Default,
    }

    /// <summary>The report with what it was run on, so a reader (or a briefing) can say so.</summary>
    public sealed record Result(
        DemandSource Demand, double MeanDailyArrivals, double ReentryShare,
        int BaselinePriorityPercent, int ScenarioPriorityPercent, int BaselinePlacesPerDay, int ScenarioPlacesPerDay,
        SimulationReport Report);

    /// <summary>What a run will be given, before it runs: the same plan gives the same report.</summary>
    public sealed record Plan(
        DemandSource Demand, double MeanDailyArrivals, double ReentryShare,
        int BaselinePriorityPercent, int ScenarioPriorityPercent, int BaselinePlacesPerDay, int ScenarioPlacesPerDay,
        SimulationInputs Simulation)
    {
        public Result Run() => new(Demand, MeanDailyArrivals, ReentryShare, BaselinePriorityPercent, ScenarioPriorityPercent,
            BaselinePlacesPerDay, ScenarioPlacesPerDay, PolicySimulator.Run(Simulation));
    }

    public abstract record Outcome;

    public sealed record Simulated(Result Result) : Outcome;

    public sealed record Planned(Plan Plan) : Outcome;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;

    /// <returns><see cref="Simulated"/> or <see cref="Invalid"/>.</returns>
    public async Task<Outcome> Handle(Inputs inputs, CancellationToken cancellationToken = default) =>
        await Prepare(inputs, cancellationToken) switch
        {
            Planned planned => new Simulated(planned.Plan.Run()),
            var invalid => invalid,
        };

    /// <summary>Reads the recorded policy and demand and checks the changes asked for; runs nothing.</summary>
    /// <returns><see cref="Planned"/> or <see cref="Invalid"/>.</returns>
    public async Task<Outcome> Prepare(Inputs inputs, CancellationToken cancellationToken = default)
    {
        var start = inputs.Start ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);
        var baselinePorts = await schedule.Capacity(start, cancellationToken);
        var known = await db.Ports.Select(p => p.Code).ToListAsync(cancellationToken);
        var errors = Validate(inputs, known);
        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        var end = start.AddDays(inputs.Days - 1);
        var recordedClosures = (await ClosedPorts.OfAppointmentLanes(db)
                .Where(c => c.FirstDate <= end && c.LastDate >= start)
                .Select(c => new { c.PortCode, c.FirstDate, c.LastDate, c.ReopenedOn })
                .ToListAsync(cancellationToken))
            .Where(c => c.ReopenedOn is null || c.ReopenedOn > c.FirstDate)
            .Select(c => new SimulatedClosure(c.PortCode, c.FirstDate, c.ReopenedOn is { } reopened && reopened.AddDays(-1) < c.LastDate ? reopened.AddDays(-1) : c.LastDate))
            .OrderBy(c => c.Port, StringComparer.Ordinal).ThenBy(c => c.First)
            .ToList();

        var scenarioPorts = PolicyChanges.Scaled(baselinePorts, inputs.CapacityScale);
        foreach (var change in inputs.PortCapacities ?? [])
        {
            scenarioPorts = PolicyChanges.WithPortCapacity(scenarioPorts, change.Port, change.Persons);
        }
        var scenarioClosures = recordedClosures
            .Concat((inputs.Closures ?? []).Select(c => new SimulatedClosure(c.Port, c.From, c.To)))
            .ToList();

        var (source, demand) = await Demand(inputs, cancellationToken);
        var baselinePriority = options.Value.PriorityPercent;
        var scenarioPriority = inputs.PriorityPercent ?? baselinePriority;
        var simulation = new SimulationInputs(
            start, inputs.Days, inputs.Seed, demand,
            new DrawPolicy(baselinePorts, baselinePriority, recordedClosures),
            new DrawPolicy(scenarioPorts, scenarioPriority, scenarioClosures));
        return new Planned(new Plan(
            source, demand.DailyArrivals.Count == 0 ? 0 : Math.Round(demand.DailyArrivals.Average(), 1), demand.ReentryShare,
            baselinePriority, scenarioPriority, Places(baselinePorts), Places(scenarioPorts), simulation));
    }

    private static int Places(IReadOnlyList<DrawPort> ports) => ports.Sum(p => p.Slots.Sum(s => s.Capacity));

    private static List<FieldError> Validate(Inputs inputs, IReadOnlyCollection<string> knownPorts)
    {
        var errors = new List<FieldError>();
        if (inputs.Days is < 1 or > MaxDays)
        {
            errors.Add(new FieldError("days", FieldCodes.SimulationDays, $"{MaxDays}"));
        }
        if (!double.IsFinite(inputs.CapacityScale) || inputs.CapacityScale is < 0 or > MaxScale)
        {
            errors.Add(new FieldError("capacityScale", FieldCodes.SimulationScale, $"{MaxScale}"));
        }
        if (inputs.PriorityPercent is < 0 or > 100)
        {
            errors.Add(new FieldError("priority", FieldCodes.SimulationPriority));
        }
        if (inputs.Rate is < 0 or > MaxRate)
        {
            errors.Add(new FieldError("rate", FieldCodes.SimulationRate, $"{MaxRate}"));
        }
        if (inputs.ReentryShare is { } share && (!double.IsFinite(share) || share is < 0 or > 1))
        {
            errors.Add(new FieldError("reentry", FieldCodes.SimulationReentry));
        }
        foreach (var change in inputs.PortCapacities ?? [])
        {
            if (!knownPorts.Contains(change.Port))
            {
                errors.Add(new FieldError("portCapacity", FieldCodes.SimulationPortUnknown, change.Port));
            }
            else if (change.Persons is < 0 or > MaxRate)
            {
                errors.Add(new FieldError("portCapacity", FieldCodes.SimulationPortCapacity, change.Port, $"{MaxRate}"));
            }
        }
        foreach (var closure in inputs.Closures ?? [])
        {
            if (!knownPorts.Contains(closure.Port))
            {
                errors.Add(new FieldError("close", FieldCodes.SimulationPortUnknown, closure.Port));
            }
            else if (closure.To < closure.From)
            {
                errors.Add(new FieldError("close", FieldCodes.ClosureEndsBeforeStart));
            }
        }
        return errors;
    }

    /// <summary>New requests per day and their shape: from the recorded requests when there are any.</summary>
    private async Task<(DemandSource Source, DemandProfile Demand)> Demand(Inputs inputs, CancellationToken cancellationToken)
    {
        // Each applicant's first request: the day they joined the queue and how long after registering.
        var requests = db.Requests.AsNoTracking();
        if (inputs.RecordedFrom is { } from && inputs.RecordedTo is { } to)
        {
            requests = requests.Where(r => r.ServiceDate >= from && r.ServiceDate <= to);
        }
        var firsts = (await requests
                .Select(r => new { r.ApplicantUserId, r.ServiceDate, r.RegisteredOn, r.Size, r.Ports, r.ReenterUntilSelected })
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.ApplicantUserId)
            .Select(g => g.MinBy(r => r.ServiceDate)!)
            .ToList();
        if (firsts.Count == 0)
        {
            var fallback = DemandProfile.Default(inputs.ReentryShare ?? DefaultReentryShare);
            return inputs.Rate is { } rate ? (DemandSource.Rate, fallback with { DailyArrivals = [rate] }) : (DemandSource.Default, fallback);
        }
        var perDay = firsts.GroupBy(f => f.ServiceDate).OrderBy(g => g.Key).Select(g => g.Count()).ToList();
        var backlog = firsts.Select(f => f.ServiceDate.DayNumber - f.RegisteredOn.DayNumber).Order().ToList();
        var demand = new DemandProfile(
            inputs.Rate is { } given ? [given] : perDay,
            [.. firsts.GroupBy(f => f.Size).OrderBy(g => g.Key).Select(g => new Weighted<int>(g.Key, g.Count()))],
            [.. firsts.GroupBy(f => f.Ports.Split(',')[0]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Weighted<string>(g.Key, g.Count()))],
            Math.Clamp(backlog[(int)Math.Ceiling(0.9 * backlog.Count) - 1], 0, 3 * 365),
            inputs.ReentryShare ?? Math.Round((double)firsts.Count(f => f.ReenterUntilSelected) / firsts.Count, 2));
        return (inputs.Rate is null ? DemandSource.Recorded : DemandSource.Rate, demand);
    }
}
