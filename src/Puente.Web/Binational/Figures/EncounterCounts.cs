using Microsoft.EntityFrameworkCore;
using Puente.Web.Binational.Encounters;
using Puente.Web.Database;

namespace Puente.Web.Binational.Figures;

/// <summary>
/// CBP's southwest land border encounters in the period's months, by component. When a month holds only the demo's
/// sample counts (the real file is not loaded), the figures carry the demo's source, never CBP's.
/// </summary>
internal static class EncounterCounts
{
    /// <summary>CBP's component names as its file writes them.</summary>
    public const string FieldOperations = "Office of Field Operations";
    public const string BorderPatrol = "U.S. Border Patrol";

    public static async Task<EncounterFigures> Count(PuenteDb db, FigurePeriod period, CancellationToken cancellationToken)
    {
        var rows = await db.EncounterCounts.AsNoTracking()
            .Where(c => c.Month >= period.FirstMonth && c.Month <= period.LastMonth)
            .Select(c => new { c.Month, c.Component, c.Demographic, c.Citizenship, c.Authority, c.EncounterType, c.Count })
            .ToListAsync(cancellationToken);
        var months = rows.GroupBy(r => r.Month).OrderBy(g => g.Key).Select(month =>
        {
            // A cell with two counts makes the month's sums unknown (ADR 0013): shown as missing, not as one of them.
            var inConflict = month.GroupBy(r => (r.Component, r.Demographic, r.Citizenship, r.Authority, r.EncounterType)).Any(cell => cell.Count() > 1);
            long? Sum(Func<string, bool> component) => inConflict ? null : month.Where(r => component(r.Component)).Sum(r => r.Count);
            return new EncounterMonth(FigurePeriod.Month(month.Key),
                Sum(c => c == FieldOperations), Sum(c => c == BorderPatrol), Sum(_ => true));
        }).ToList();
        long? total = months.Count == 0 || months.Any(m => m.Total is null) ? null : months.Sum(m => m.Total!.Value);
        var sample = rows.GroupBy(r => r.Month).Any(month => month.All(r =>
            ImportEncounters.IsSample(r.Month, r.Component, r.Demographic, r.Citizenship, r.Authority, r.EncounterType, r.Count)));
        return new EncounterFigures(sample ? FigureSources.EncountersSample : FigureSources.Encounters, period.Now, months, total);
    }
}
