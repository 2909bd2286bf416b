using Microsoft.EntityFrameworkCore;
using Puente.Domain.Protection.Cases;
using Puente.Web.Database;

namespace Puente.Web.Protection.Statistics;

/// <summary>
/// The binational view of the protection caseload: cases opened per consulate, category and month.
/// A count under <see cref="Threshold"/> is withheld, since a small cell in a small district can point at a person.
/// </summary>
internal sealed class CountCases(PuenteDb db)
{
    public const int Threshold = 5;

    /// <param name="Count">Null when suppressed.</param>
    public sealed record Cell(string Consulate, CaseCategory Category, string Month, int? Count, bool Suppressed);

    public sealed record Table(DateOnly From, DateOnly To, int SuppressedBelow, IReadOnlyList<Cell> Cells);

    public async Task<Table> Handle(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // The month is computed here, not in SQL: SQLite stores instants as integers.
        var rows = await db.ProtectionCases.AsNoTracking()
            .Where(c => c.OpenedAt >= start && c.OpenedAt < end)
            .Select(c => new { c.ConsulateCode, c.Category, c.OpenedAt })
            .ToListAsync(cancellationToken);
        var cells = rows
            .GroupBy(r => (r.ConsulateCode, r.Category, Month: r.OpenedAt.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(g => g.Key.Month).ThenBy(g => g.Key.ConsulateCode, StringComparer.Ordinal).ThenBy(g => g.Key.Category)
            .Select(g => g.Count() < Threshold
                ? new Cell(g.Key.ConsulateCode, g.Key.Category, g.Key.Month, null, true)
                : new Cell(g.Key.ConsulateCode, g.Key.Category, g.Key.Month, g.Count(), false))
            .ToList();
        return new Table(from, to, Threshold, cells);
    }
}
