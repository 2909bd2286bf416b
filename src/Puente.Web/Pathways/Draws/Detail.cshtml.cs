using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Draws;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Database;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Draws;

/// <summary>A draw's public page: what was committed, what it gave, and "check my ticket".</summary>
internal sealed class DrawDetailModel(GetDraw getDraw, CheckTicket checkTicket, Ports.PortNames ports) : PageModel
{
    public DrawSummary? Draw { get; private set; }
    public string? Ticket { get; private set; }
    public DrawResult? Result { get; private set; }
    public bool TicketEntered { get; private set; }
    public string? PortName { get; private set; }

    /// <summary>The ports' zones: a draw's window and beacon round are the same instants everywhere, shown in each.</summary>
    public IReadOnlyList<string> TimeZones { get; private set; } = [];

    public async Task<IActionResult> OnGet(string date, string? ticket, CancellationToken ct)
    {
        if (Hosting.IsoDates.Parse(date) is not { } serviceDate || await getDraw.Summary(serviceDate, ct) is not { } draw)
        {
            return NotFound();
        }
        Draw = draw;
        TimeZones = [.. (await ports.Handle(ct)).Values.Select(p => p.TimeZone).Distinct()];
        Ticket = ticket?.Trim();
        if (!string.IsNullOrEmpty(Ticket) && draw.Status == DrawStatus.Drawn)
        {
            var answer = await checkTicket.Handle(serviceDate, Ticket, ct);
            (TicketEntered, Result, PortName) = (answer.Entered, answer.Result, answer.PortName);
        }
        return Page();
    }
}
