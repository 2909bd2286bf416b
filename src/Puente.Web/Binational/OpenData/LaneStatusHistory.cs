using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Binational.OpenData;

/// <summary>Every change of a lane's status, oldest first; the officer who made it is not published.</summary>
internal sealed class LaneStatusHistory : IOpenDataResource
{
    public string Name => "lane-status-history";

    public string Title => "Lane status history";

    public string Description =>
        "Every change of a crossing lane's status (open, restricted, closed) as port officers recorded it, with the reason and the expected reopening.";

    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("changed_at", FieldType.Datetime, "When the change was recorded (UTC)."),
        new("crossing", FieldType.String, "CBP crossing number."),
        new("lane", FieldType.String, "Lane: commercial, passengerVehicle, pedestrian, rail or bus."),
        new("from_status", FieldType.String, "Status before the change."),
        new("to_status", FieldType.String, "Status after the change: open, restricted or closed."),
        new("reason", FieldType.String, "Reason for the new status; empty when open."),
        new("since", FieldType.Datetime, "When the new status took effect (UTC)."),
        new("expected_reopening", FieldType.Datetime, "When the lane was expected to reopen (UTC); empty when not given."),
    ];

    public async Task<string> Version(PuenteDb db, CancellationToken cancellationToken)
    {
        var count = await db.LaneStatusChanges.CountAsync(cancellationToken);
        var last = await db.LaneStatusChanges.OrderByDescending(c => c.ChangedAt).Select(c => (DateTimeOffset?)c.ChangedAt).FirstOrDefaultAsync(cancellationToken);
        return $"{count}|{last:O}";
    }

    public async IAsyncEnumerable<object?[]> Rows(PuenteDb db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changes = db.LaneStatusChanges.AsNoTracking()
            .OrderBy(c => c.ChangedAt).ThenBy(c => c.CrossingNumber).ThenBy(c => c.Lane).ThenBy(c => c.Id)
            .Select(c => new { c.ChangedAt, c.CrossingNumber, c.Lane, c.FromStatus, c.ToStatus, c.ToReason, c.ToSince, c.ToExpectedReopening })
            .AsAsyncEnumerable();
        await foreach (var c in changes.WithCancellation(cancellationToken))
        {
            yield return [c.ChangedAt, c.CrossingNumber, c.Lane, c.FromStatus, c.ToStatus, c.ToReason, c.ToSince, c.ToExpectedReopening];
        }
    }
}
