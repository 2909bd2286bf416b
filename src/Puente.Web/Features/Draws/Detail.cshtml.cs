using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Domain.Draws;
using Puente.Web.Database;

namespace Puente.Web.Features.Draws;

/// <summary>A draw's public page: what was committed, what it gave, and "check my ticket".</summary>
public sealed class DrawDetailModel(GetDraw getDraw, PuenteDb db) : PageModel
{
    public DrawsApi.DrawSummary? Draw { get; private set; }
    public string? Ticket { get; private set; }
    public DrawResult? Result { get; private set; }
    public bool TicketEntered { get; private set; }
    public string? PortName { get; private set; }

    public async Task<IActionResult> OnGet(string date, string? ticket, CancellationToken ct)
    {
        if (DrawsApi.ParseDate(date) is not { } serviceDate || await getDraw.Summary(serviceDate, ct) is not { } draw)
        {
            return NotFound();
        }
        Draw = draw;
        Ticket = ticket?.Trim();
        if (!string.IsNullOrEmpty(Ticket) && draw.Status == DrawStatus.Drawn)
        {
            var bundle = DrawBundleJson.Parse(await getDraw.BundleJson(serviceDate, ct)).Bundle!;
            TicketEntered = bundle.Entries.Any(e => e.Ticket == Ticket);
            Result = bundle.Results!.FirstOrDefault(r => r.Ticket == Ticket);
            if (Result is not null)
            {
                PortName = await db.Ports.Where(p => p.Code == Result.Port).Select(p => p.Name).FirstOrDefaultAsync(ct);
            }
        }
        return Page();
    }
}
