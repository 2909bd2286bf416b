using Microsoft.EntityFrameworkCore;
using Puente.Domain.Protection.Cases;
using Puente.Web.Database;
using Puente.Web.Protection.Statistics;

namespace Puente.Web.Binational.Figures;

/// <summary>
/// Protection cases opened in the period, by consulate, category and urgency, and the share overdue now.
/// Small counts are withheld with the protection statistics' own threshold: a small cell can point at a person.
/// </summary>
internal static class ProtectionCounts
{
    public static async Task<ProtectionFigures> Count(PuenteDb db, FigurePeriod period, CancellationToken cancellationToken)
    {
        var cases = await db.ProtectionCases.AsNoTracking()
            .Where(c => c.OpenedAt >= period.Start && c.OpenedAt < period.End)
            .Select(c => new { c.ConsulateCode, c.Category, c.Urgency, c.Status, c.FirstContactDueAt, c.FirstContactAt })
            .ToListAsync(cancellationToken);
        var overdue = cases.Count(c => CaseDeadlines.IsOverdue(c.Status, c.FirstContactDueAt, c.FirstContactAt, period.Now));
        var share = Withheld(overdue) || Withheld(cases.Count) || cases.Count == 0
            ? new ProtectionShare(null, Withheld(overdue) || Withheld(cases.Count))
            : new ProtectionShare(Math.Round(overdue * 100.0 / cases.Count, 1), false);
        return new ProtectionFigures(
            FigureSources.Protection, period.Now, CountCases.Threshold,
            Cell("total", cases.Count),
            [.. cases.GroupBy(c => c.ConsulateCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Cell(g.Key, g.Count()))],
            [.. Enum.GetValues<CaseCategory>().Select(k => Cell(ProtectionKeys.Of(k), cases.Count(c => c.Category == k)))],
            [.. Enum.GetValues<CaseUrgency>().Select(k => Cell(ProtectionKeys.Of(k), cases.Count(c => c.Urgency == k)))],
            share);
    }

    private static bool Withheld(int count) => count is > 0 and < CountCases.Threshold;

    private static ProtectionCell Cell(string key, int count) =>
        Withheld(count) ? new(key, null, true) : new(key, count, false);
}
