using Microsoft.EntityFrameworkCore;
using Puente.Domain.Binational.Simulator;
using Puente.Web.Binational.Scenarios;
using Puente.Web.Database;

namespace Puente.Web.Binational.Figures;

/// <summary>
/// The policy scenarios stored for exactly this period by the current simulator, the latest set if there were
/// several; nothing is simulated here, so the briefing stays fast and says plainly when they are not computed yet.
/// </summary>
internal static class ScenarioCounts
{
    public static async Task<ScenarioFigures> Read(PuenteDb db, FigurePeriod period, CancellationToken cancellationToken)
    {
        var stored = await db.Scenarios.AsNoTracking()
            .Where(s => s.PeriodFrom == period.From && s.PeriodTo == period.To && s.SimulatorVersion == PolicySimulator.Version)
            .ToListAsync(cancellationToken);
        // Instants are compared here, not in SQL: SQLite stores them as integers.
        var set = stored.GroupBy(s => s.InputsHash).MaxBy(g => g.Max(s => s.ComputedAt))?.ToList();
        if (set is null || set.Count == 0)
        {
            return new ScenarioFigures(FigureSources.Simulator, period.Now, false, null, null, null, null, null, null, null, []);
        }
        var order = new[] { ComputeScenarios.Baseline }.Concat(ComputeScenarios.Changes.Select(c => c.Code)).ToList();
        var first = set[0];
        return new ScenarioFigures(
            FigureSources.Simulator, set.Max(s => s.ComputedAt), true, first.SimulatorVersion, first.Seed, first.Start, first.Days,
            first.Demand, first.MeanDailyArrivals, first.ReentryShare,
            [.. set.OrderBy(s => order.IndexOf(s.Scenario) is var i and >= 0 ? i : int.MaxValue).ThenBy(s => s.Scenario, StringComparer.Ordinal)
                .Select(s => new ScenarioFigure(s.Scenario, s.PlacesPerDay, s.PriorityPercent, s.Requests, s.MedianDays, s.P90Days, s.SelectedWithin30Days))]);
    }
}
