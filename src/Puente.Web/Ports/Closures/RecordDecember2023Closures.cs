using Microsoft.EntityFrameworkCore;
using Puente.Domain.Ports;
using Puente.Domain.Ports.Status;
using Puente.Web.Database;
using Puente.Web.Ports.Status;

namespace Puente.Web.Ports.Closures;

/// <summary>
/// The crossings closed in December 2023 when CBP redeployed officers to help the Border Patrol, as history:
/// each a closure (already ended) and the lane's two changes, at the local times CBP announced. For the demo.
/// </summary>
internal sealed class RecordDecember2023Closures(PuenteDb db, ChangeLaneStatus status)
{
    /// <param name="ClosedAt">Local time the lane closed (midnight where no hour was announced).</param>
    /// <param name="ReopenedAt">Local time operations resumed.</param>
    public sealed record Closure(string Port, string Crossing, LaneType Lane, DateTime ClosedAt, DateTime ReopenedAt, string Source);

    // CBP statements of 17 and 22 Dec 2023 and 2 Jan 2024, and local reporting of the closing days.
    public static readonly IReadOnlyList<Closure> Closures =
    [
        new("2303", "230301", LaneType.PassengerVehicle, new(2023, 11, 27, 0, 0, 0), new(2024, 1, 4, 7, 0, 0),
            "Eagle Pass International Bridge 1 vehicle processing suspended 27 Nov 2023; resumed 4 Jan 2024 07:00 (CBP)"),
        new("2602", "260201", LaneType.PassengerVehicle, new(2023, 12, 4, 0, 0, 0), new(2024, 1, 4, 6, 0, 0),
            "Lukeville port closed 4 Dec 2023; resumed 4 Jan 2024 06:00 (CBP)"),
        new("2602", "260201", LaneType.Commercial, new(2023, 12, 4, 0, 0, 0), new(2024, 1, 4, 6, 0, 0),
            "Lukeville port closed 4 Dec 2023; resumed 4 Jan 2024 06:00 (CBP)"),
        new("2504", "250407", LaneType.Pedestrian, new(2023, 12, 9, 0, 0, 0), new(2024, 1, 4, 6, 0, 0),
            "San Ysidro PedWest suspended 9 Dec 2023; resumed 4 Jan 2024 06:00 (CBP)"),
        new("2402", "240291", LaneType.Rail, new(2023, 12, 18, 8, 0, 0), new(2023, 12, 22, 12, 0, 0),
            "El Paso railway bridge suspended 18 Dec 2023 08:00; resumed 22 Dec 2023 14:00 Eastern (CBP)"),
        new("2303", "230391", LaneType.Rail, new(2023, 12, 18, 8, 0, 0), new(2023, 12, 22, 13, 0, 0),
            "Eagle Pass railway bridge suspended 18 Dec 2023 08:00; resumed 22 Dec 2023 14:00 Eastern (CBP)"),
    ];

    /// <summary>Records what is not recorded yet; returns how many closures it added.</summary>
    public async Task<int> Handle(string recordedBy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var added = 0;
        foreach (var closure in Closures)
        {
            var first = DateOnly.FromDateTime(closure.ClosedAt);
            var reopened = DateOnly.FromDateTime(closure.ReopenedAt);
            // A lane that reopened mid-day was closed that day too.
            var last = closure.ReopenedAt.TimeOfDay == TimeSpan.Zero ? reopened.AddDays(-1) : reopened;
            if (await db.Closures.AnyAsync(c => c.CrossingNumber == closure.Crossing && c.Lane == closure.Lane && c.FirstDate == first, cancellationToken))
            {
                continue;
            }
            var zone = await db.Ports.Where(p => p.Code == closure.Port).Select(p => p.TimeZone).SingleAsync(cancellationToken);
            var closedAt = PortCalendar.SlotStartsAt(first, TimeOnly.FromDateTime(closure.ClosedAt), zone);
            var reopenedAt = PortCalendar.SlotStartsAt(reopened, TimeOnly.FromDateTime(closure.ReopenedAt), zone);
            var record = new ClosureRecord
            {
                Id = Guid.CreateVersion7(closedAt),
                PortCode = closure.Port,
                CrossingNumber = closure.Crossing,
                Lane = closure.Lane,
                FirstDate = first,
                LastDate = last,
                Reason = LaneReason.StaffRedeployed,
                CreatedBy = recordedBy,
                CreatedAt = now,
                LaneClosedAt = closedAt,
                LaneOpenedAt = reopenedAt,
            };
            db.Closures.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            await status.Apply(closure.Crossing, closure.Lane, LaneAction.Close, LaneReason.StaffRedeployed, closedAt, reopenedAt, recordedBy, record.Id, cancellationToken);
            await status.Apply(closure.Crossing, closure.Lane, LaneAction.Open, null, reopenedAt, null, recordedBy, record.Id, cancellationToken);
            added++;
        }
        return added;
    }
}
