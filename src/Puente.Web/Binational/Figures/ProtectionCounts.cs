using Microsoft.EntityFrameworkCore;
using Puente.Domain.Binational;
using Puente.Domain.Protection.Cases;
using Puente.Web.Database;

namespace Puente.Web.Binational.Figures;

/// <summary>
/// Protection cases opened in the period, by consulate, category and urgency, and the share overdue now. The
/// consulate and category counts are the totals of the period's consulate × category table, withheld as the open
/// data withholds each month's (<see cref="SmallCellSuppression"/>, ADR 0016): a count from 1 to 4, and every count
/// that would let one be worked out from the totals shown. The urgencies are a second breakdown of the same total,
/// withheld by the same rule once the total's fate is known; the overdue share of a withheld total is withheld too.
/// </summary>
internal static class ProtectionCounts
{
    public static async Task<ProtectionFigures> Count(PuenteDb db, FigurePeriod period, CancellationToken cancellationToken)
    {
        var cases = await db.ProtectionCases.AsNoTracking()
            .Where(c => c.OpenedAt >= period.Start && c.OpenedAt < period.End)
            .Select(c => new { c.ConsulateCode, c.Category, c.Urgency, c.Status, c.FirstContactDueAt, c.FirstContactAt })
            .ToListAsync(cancellationToken);
        var consulates = cases.Select(c => c.ConsulateCode).Distinct().Order(StringComparer.Ordinal).ToArray();
        var categories = Enum.GetValues<CaseCategory>();
        var counts = new int[consulates.Length, categories.Length];
        foreach (var c in cases)
        {
            counts[Array.IndexOf(consulates, c.ConsulateCode), Array.IndexOf(categories, c.Category)]++;
        }
        var hidden = SmallCellSuppression.Suppress(counts);
        var table = SmallCellSuppression.WithTotals(counts);
        var (rows, columns) = (consulates.Length, categories.Length);
        var totalWithheld = hidden[rows, columns];

        var urgencies = Enum.GetValues<CaseUrgency>();
        var byUrgency = urgencies.Select(u => cases.Count(c => c.Urgency == u)).ToArray();
        var urgencyHidden = SmallCellSuppression.SuppressBreakdown(byUrgency, totalWithheld);

        var overdue = cases.Count(c => CaseDeadlines.IsOverdue(c.Status, c.FirstContactDueAt, c.FirstContactAt, period.Now));
        var shareWithheld = totalWithheld || overdue is > 0 and < SmallCellSuppression.Threshold;
        var share = shareWithheld || cases.Count == 0
            ? new ProtectionShare(null, shareWithheld)
            : new ProtectionShare(Math.Round(overdue * 100.0 / cases.Count, 1), false);
        return new ProtectionFigures(
            FigureSources.Protection, period.Now, SmallCellSuppression.Threshold,
            Cell("total", table[rows, columns], totalWithheld),
            [.. consulates.Select((code, r) => Cell(code, table[r, columns], hidden[r, columns]))],
            [.. categories.Select((k, c) => Cell(ProtectionKeys.Of(k), table[rows, c], hidden[rows, c]))],
            [.. urgencies.Select((u, k) => Cell(ProtectionKeys.Of(u), byUrgency[k], urgencyHidden[k]))],
            share);
    }

    private static ProtectionCell Cell(string key, long count, bool withheld) =>
        withheld ? new(key, null, true) : new(key, (int)count, false);
}
