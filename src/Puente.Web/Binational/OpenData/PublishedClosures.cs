using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Binational.OpenData;

/// <summary>Every closure of a crossing's lane: where, which dates, why, and when it reopened. Not who decided it.</summary>
internal sealed class PublishedClosures : IOpenDataResource
{
    public string Name => "closures";

    public string Title => "Closures";

    public string Description =>
        "Every planned closure of a lane at a crossing: the dates it covers, the reason, and the date it reopened if it reopened early.";

    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("port", FieldType.String, "BTS port code of the port of entry."),
        new("crossing", FieldType.String, "CBP crossing number."),
        new("lane", FieldType.String, "Lane closed: commercial, passengerVehicle, pedestrian, rail or bus."),
        new("first_date", FieldType.Date, "First day closed."),
        new("last_date", FieldType.Date, "Last day closed as planned."),
        new("reason", FieldType.String, "Reason given for the closure."),
        new("reopened_on", FieldType.Date, "First day open again when the closure ended early; empty otherwise."),
        new("recorded_at", FieldType.Datetime, "When the closure was recorded (UTC)."),
    ];

    public async Task<string> Version(PuenteDb db, CancellationToken cancellationToken)
    {
        var count = await db.Closures.CountAsync(cancellationToken);
        var reopened = await db.Closures.CountAsync(c => c.ReopenedOn != null, cancellationToken);
        var last = await db.Closures.OrderByDescending(c => c.CreatedAt).Select(c => (DateTimeOffset?)c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return $"{count}|{reopened}|{last:O}";
    }

    public async IAsyncEnumerable<object?[]> Rows(PuenteDb db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var closures = db.Closures.AsNoTracking()
            .OrderBy(c => c.FirstDate).ThenBy(c => c.PortCode).ThenBy(c => c.CrossingNumber).ThenBy(c => c.Lane).ThenBy(c => c.Id)
            .Select(c => new { c.PortCode, c.CrossingNumber, c.Lane, c.FirstDate, c.LastDate, c.Reason, c.ReopenedOn, c.CreatedAt })
            .AsAsyncEnumerable();
        await foreach (var c in closures.WithCancellation(cancellationToken))
        {
            yield return [c.PortCode, c.CrossingNumber, c.Lane, c.FirstDate, c.LastDate, c.Reason, c.ReopenedOn, c.CreatedAt];
        }
    }
}
