using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Web.Database;
using Puente.Web.Ports.Costs;

namespace Puente.Web.Binational.Figures;

/// <summary>
/// The period's figures, read straight from the records the pathways, ports and protection areas keep
/// (read-only, no other area's use case is called). <see cref="Query.WithProtection"/> is false for the public version,
/// which then carries no protection section and no policy scenarios at all.
/// </summary>
internal sealed class GetPeriodFigures(PuenteDb db, IOptions<ClosureCostOptions> costs, TimeProvider clock)
{
    public sealed record Query(DateOnly From, DateOnly To, string? Port, bool WithProtection);

    public abstract record Outcome;

    public sealed record Found(PeriodFigures Figures) : Outcome;

    public sealed record PortNotFound(string Port) : Outcome;

    public async Task<Outcome> Handle(Query query, CancellationToken cancellationToken = default)
    {
        if (query.Port is { } port && !await db.Ports.AnyAsync(p => p.Code == port, cancellationToken))
        {
            return new PortNotFound(port);
        }
        var now = clock.GetUtcNow();
        var period = new FigurePeriod(query.From, query.To, query.Port, now);
        var figures = new PeriodFigures(
            query.From, query.To, query.Port, now,
            await PathwayCounts.Count(db, period, cancellationToken),
            await CrossingCounts.Count(db, period, costs.Value, cancellationToken),
            await CrossingCounts.Waits(db, period, cancellationToken),
            await CrossingCounts.Flows(db, period, cancellationToken),
            await EncounterCounts.Count(db, period, cancellationToken),
            query.WithProtection ? await ProtectionCounts.Count(db, period, cancellationToken) : null,
            query.WithProtection ? await ScenarioCounts.Read(db, period, cancellationToken) : null);
        return new Found(figures);
    }
}

/// <summary>The period as the counting queries need it: dates, UTC bounds and months.</summary>
internal sealed record FigurePeriod(DateOnly From, DateOnly To, string? Port, DateTimeOffset Now)
{
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateOnly FirstMonth => new(From.Year, From.Month, 1);

    public DateOnly LastMonth => new(To.Year, To.Month, 1);

    public static string Month(DateOnly date) => date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public IEnumerable<DateOnly> Months()
    {
        for (var month = FirstMonth; month <= LastMonth; month = month.AddMonths(1))
        {
            yield return month;
        }
    }
}
