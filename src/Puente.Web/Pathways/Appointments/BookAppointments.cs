using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Draws;
using Puente.Domain.Ports;
using Puente.Web.Database;
using Puente.Web.Pathways.Passes;

namespace Puente.Web.Pathways.Appointments;

/// <summary>
/// Books the appointments a draw gave, each with its signed pass, written set-based in the caller's transaction.
/// The one place appointment rows are created.
/// </summary>
internal sealed class BookAppointments(PuenteDb db, IssuePasses passes)
{
    /// <summary>A draw result and the request it selected.</summary>
    public sealed record Selection(DrawResult Result, Guid RequestId, string ApplicantUserId, int GroupSize);

    public async Task<IReadOnlyList<AppointmentRecord>> Handle(DateOnly serviceDate, IReadOnlyList<Selection> selections, CancellationToken cancellationToken = default)
    {
        var ports = selections.Select(s => s.Result.Port).Distinct().ToList();
        var zones = await db.Ports.Where(p => ports.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.TimeZone, cancellationToken);
        var booked = selections.Select(selection => new AppointmentRecord
        {
            Id = Guid.NewGuid(),
            RequestId = selection.RequestId,
            ApplicantUserId = selection.ApplicantUserId,
            Ticket = selection.Result.Ticket,
            ServiceDate = serviceDate,
            PortCode = selection.Result.Port,
            SlotStart = selection.Result.Slot,
            SlotStartsAt = PortCalendar.SlotStartsAt(serviceDate, SlotTime.Parse(selection.Result.Slot), zones[selection.Result.Port]),
            Phase = selection.Result.Phase,
            GroupSize = selection.GroupSize,
            Status = AppointmentStatus.Booked,
        }).ToList();
        await BulkInsert.Rows(db, booked, cancellationToken: cancellationToken);
        await passes.Handle(booked, cancellationToken);
        return booked;
    }
}
