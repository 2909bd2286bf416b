using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Puente.Domain.Binational;
using Puente.Domain.Protection.Cases;
using Puente.Web.Database;

namespace Puente.Web.Binational.OpenData;

/// <summary>
/// Protection cases opened per month, consulate and category, with each month's consulate, category and
/// grand totals. A count from 1 to 4 is withheld, and so is every count that would let one be worked out from
/// the totals (<see cref="SmallCellSuppression"/>); each month is its own table and no total across months is published.
/// </summary>
internal sealed class ProtectionAggregates : IOpenDataResource
{
    public const string All = "all";

    public string Name => "protection-cases";

    public string Title => "Protection cases by consulate, category and month";

    public string Description =>
        "Protection cases opened each month (UTC) per consulate and case category, with totals per consulate, per category and for the month. Counts from 1 to 4 are withheld, together with enough other counts that none can be worked out from the totals; a withheld count is empty and marked suppressed.";

    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("month", FieldType.String, "Month the cases were opened, YYYY-MM (UTC)."),
        new("consulate", FieldType.String, "Consulate code holding the cases, or 'all' for the month's category total."),
        new("category", FieldType.String, "Case category (criminal, migration, civil, labour, humanRights, administrative), or 'all' for the consulate's total."),
        new("cases", FieldType.Integer, "Cases opened; empty when withheld.", "cases"),
        new("suppressed", FieldType.Boolean, "True when the count is withheld to protect the people in it."),
    ];

    public async Task<string> Version(PuenteDb db, CancellationToken cancellationToken)
    {
        var count = await db.ProtectionCases.CountAsync(cancellationToken);
        var last = await db.ProtectionCases.OrderByDescending(c => c.UpdatedAt).Select(c => (DateTimeOffset?)c.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        return $"{count}|{last:O}";
    }

    public async IAsyncEnumerable<object?[]> Rows(PuenteDb db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The month is computed here, not in SQL: SQLite stores instants as integers.
        var cases = await db.ProtectionCases.AsNoTracking()
            .Select(c => new { c.ConsulateCode, c.Category, c.OpenedAt })
            .ToListAsync(cancellationToken);
        var categories = Enum.GetValues<CaseCategory>();
        foreach (var month in cases.GroupBy(c => c.OpenedAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var consulates = month.Select(c => c.ConsulateCode).Distinct().Order(StringComparer.Ordinal).ToArray();
            var counts = new int[consulates.Length, categories.Length];
            foreach (var c in month)
            {
                counts[Array.IndexOf(consulates, c.ConsulateCode), Array.IndexOf(categories, c.Category)]++;
            }
            var hidden = SmallCellSuppression.Suppress(counts);
            var table = SmallCellSuppression.WithTotals(counts);
            for (var r = 0; r <= consulates.Length; r++)
            {
                for (var k = 0; k <= categories.Length; k++)
                {
                    var consulate = r < consulates.Length ? consulates[r] : All;
                    var category = k < categories.Length ? (object)categories[k] : All;
                    yield return [month.Key, consulate, category, hidden[r, k] ? null : table[r, k], hidden[r, k]];
                }
            }
        }
    }
}
