using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Binational.OpenData;

/// <summary>Every wait time Puente archived from CBP's feed, as parsed; the largest table, streamed row by row.</summary>
internal sealed class WaitTimeArchive : IOpenDataResource
{
    public string Name => "wait-times";

    public string Title => "Border wait-time archive";

    public string Description =>
        "Every lane observation from CBP's Border Wait Times feed that Puente collected (CBP keeps no history): the delay and lanes open as reported, when CBP updated them and how fresh they were when collected.";

    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("collected_at", FieldType.Datetime, "When Puente polled the feed (UTC)."),
        new("port_number", FieldType.String, "CBP's port number as the feed gives it."),
        new("crossing", FieldType.String, "CBP crossing number when known."),
        new("port", FieldType.String, "BTS port code when known."),
        new("lane", FieldType.String, "Lane: commercial, passengerVehicle, pedestrian, rail or bus."),
        new("kind", FieldType.String, "Lane kind: standard, fast, nexusSentri or ready."),
        new("port_status", FieldType.String, "The port's status text in the feed."),
        new("operational_status", FieldType.String, "The lane's status text in the feed."),
        new("delay_minutes", FieldType.Integer, "Reported delay; empty when the feed gave none.", "minutes"),
        new("lanes_open", FieldType.Integer, "Lanes reported open; empty when the feed gave none.", "lanes"),
        new("updated_at", FieldType.Datetime, "When CBP last updated the lane (UTC); empty when unknown."),
        new("freshness", FieldType.String, "Whether CBP had updated the value recently when it was collected: fresh, stale or unknown."),
    ];

    // Observations are only ever appended: the highest id says what is in the archive.
    public async Task<string> Version(PuenteDb db, CancellationToken cancellationToken) =>
        $"{await db.WaitObservations.MaxAsync(o => (long?)o.Id, cancellationToken)}";

    public async IAsyncEnumerable<object?[]> Rows(PuenteDb db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var observations = db.WaitObservations.AsNoTracking()
            .OrderBy(o => o.Id)
            .Select(o => new
            {
                o.CollectedAt, o.PortNumber, o.CrossingNumber, o.PortCode, o.Lane, o.Kind, o.PortStatus, o.OperationalStatus,
                o.DelayMinutes, o.LanesOpen, o.UpdatedAt, o.Freshness,
            })
            .AsAsyncEnumerable();
        await foreach (var o in observations.WithCancellation(cancellationToken))
        {
            yield return
            [
                o.CollectedAt, o.PortNumber, o.CrossingNumber, o.PortCode, o.Lane, o.Kind, o.PortStatus, o.OperationalStatus,
                o.DelayMinutes, o.LanesOpen, o.UpdatedAt, o.Freshness,
            ];
        }
    }
}
