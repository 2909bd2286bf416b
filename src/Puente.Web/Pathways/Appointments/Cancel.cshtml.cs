using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Domain.Pathways.Appointments;
using Puente.Web.Accounts;

namespace Puente.Web.Pathways.Appointments;

/// <summary>
/// Cancelling is asked for on a page of its own, which says what is lost; only its POST cancels, so a
/// stray tap on the pass page loses nothing and the pass stays valid until the person confirms.
/// </summary>
[Authorize(Policy = Roles.Applicant)]
internal sealed class CancelModel(ListAppointments list, CancelAppointment cancel, UserManager<PuenteUser> users, Ports.PortNames ports) : PageModel
{
    public ListAppointments.Item? Appointment { get; private set; }
    public string TimeZone { get; private set; } = "UTC";

    /// <summary>Set when the appointment can no longer be cancelled (its status).</summary>
    public string? RefusedStatus { get; private set; }

    public async Task<IActionResult> OnGet(Guid id, CancellationToken cancellationToken)
    {
        if (!await Load(id, cancellationToken))
        {
            return NotFound();
        }
        if (Appointment!.Status != AppointmentStatus.Booked)
        {
            RefusedStatus = Appointment.Status.ToString();
        }
        return Page();
    }

    public async Task<IActionResult> OnPost(Guid id, CancellationToken cancellationToken)
    {
        switch (await cancel.Handle(id, users.GetUserId(User)!, cancellationToken))
        {
            case CancelAppointment.Cancelled:
                return RedirectToPage("/Pathways/Appointments/Index", new { cancelled = true });
            case CancelAppointment.Refused refused:
                await Load(id, cancellationToken);
                RefusedStatus = refused.Rejection.From.ToString();
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> Load(Guid id, CancellationToken cancellationToken)
    {
        // The list is scoped to the caller, so someone else's appointment is simply not found.
        Appointment = (await list.Handle(users.GetUserId(User)!, cancellationToken)).FirstOrDefault(a => a.Id == id);
        if (Appointment is not null && (await ports.Handle(cancellationToken)).TryGetValue(Appointment.Port, out var port))
        {
            TimeZone = port.TimeZone;
        }
        return Appointment is not null;
    }
}
