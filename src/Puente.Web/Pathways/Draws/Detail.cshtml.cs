using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Database;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;
using Puente.Domain.Pathways.Requests;

namespace Puente.Web.Pathways.Draws;

/// <summary>A draw's public page: what was committed, what it gave, and "check my ticket".</summary>
internal sealed class DrawDetailModel(GetDraw getDraw, PuenteDb db) : PageModel
{
    public DrawSummary? Draw { get; private set; }
    public string? Ticket { get; private set; }
    public DrawResult? Result { get; private set; }
    public bool TicketEntered { get; private set; }
    public string? PortName { get; private set; }

    public async Task<IActionResult> OnGet(string date, string? ticket, CancellationToken ct)
    {
        if (Hosting.IsoDates.Parse(date) is not { } serviceDate || await getDraw.Summary(serviceDate, ct) is not { } draw)
        {
            return NotFound();
        }
        Draw = draw;
        Ticket = ticket?.Trim();
        if (!string.IsNullOrEmpty(Ticket) && draw.Status == DrawStatus.Drawn)
        {
            // The indexed rows the draw wrote, rather than re-reading the whole published bundle per check.
            var request = db.Requests.Where(r => r.ServiceDate == serviceDate && r.Ticket == Ticket && r.Status != RequestStatus.Withdrawn);
            TicketEntered = await request.AnyAsync(ct);
            var selected = await db.Appointments.AsNoTracking()
                .Where(a => request.Select(r => r.Id).Contains(a.RequestId))
                .Select(a => new { a.PortCode, a.SlotStart, a.Phase, Port = db.Ports.Where(p => p.Code == a.PortCode).Select(p => p.Name).First() })
                .FirstOrDefaultAsync(ct);
            if (selected is not null)
            {
                Result = new DrawResult(Ticket, selected.PortCode, selected.SlotStart, selected.Phase);
                PortName = selected.Port;
            }
        }
        return Page();
    }
}
