using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Draws;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Draws;

/// <summary>"Check my ticket" on a drawn date's public page: was it entered, and what did it get.</summary>
internal sealed class CheckTicket(PuenteDb db)
{
    /// <param name="Result">The ticket's appointment, or null when it was not selected.</param>
    public sealed record Answer(bool Entered, DrawResult? Result, string? PortName);

    public async Task<Answer> Handle(DateOnly serviceDate, string ticket, CancellationToken cancellationToken = default)
    {
        // The indexed rows the draw wrote, rather than re-reading the whole published bundle per check.
        // Compared in capitals without separators: "k7q2 m9xw-3t4p" finds K7Q2M9XW3T4P, and an older
        // mixed-case ticket is found however it is typed.
        var typed = TicketCode.Normalize(ticket);
        // SQL's upper() on both databases; EF translates no StringComparison overload. Tickets are ASCII.
#pragma warning disable CA1862
        var request = db.Requests.Where(r => r.ServiceDate == serviceDate && r.Ticket.ToUpper() == typed && r.Status != RequestStatus.Withdrawn);
#pragma warning restore CA1862
        var entered = await request.AnyAsync(cancellationToken);
        var selected = await db.Appointments.AsNoTracking()
            .Where(a => request.Select(r => r.Id).Contains(a.RequestId))
            .Select(a => new { a.PortCode, a.SlotStart, a.Phase, Port = db.Ports.Where(p => p.Code == a.PortCode).Select(p => p.Name).First() })
            .FirstOrDefaultAsync(cancellationToken);
        return selected is null
            ? new Answer(entered, null, null)
            : new Answer(entered, new DrawResult(ticket, selected.PortCode, selected.SlotStart, selected.Phase), selected.Port);
    }
}
