using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Registration;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Accounts;
using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Pathways.Passes;

namespace Puente.Web.Pathways.Appointments;

[Authorize(Policy = Roles.Applicant)]
internal sealed class AppointmentsModel(ListAppointments list, UserManager<PuenteUser> users, GetPass getPass, Ports.PortNames ports) : PageModel
{
    public sealed record Row(ListAppointments.Item Appointment, GetPass.Pass? Pass);

    public List<Row> Rows { get; } = [];
    public bool Cancelled { get; private set; }
    public IReadOnlyDictionary<string, Ports.PortNames.Port> Ports { get; private set; } = new Dictionary<string, Ports.PortNames.Port>();

    /// <summary>How long the browser may show its copy of the pass page without asking: through the service day, with no signal.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    public async Task OnGet(bool cancelled, CancellationToken cancellationToken)
    {
        Cancelled = cancelled;
        await Load(cancellationToken);
        HttpContext.KeepPrivately(KeptFor);
    }

    private async Task Load(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        Ports = await ports.Handle(cancellationToken);
        foreach (var appointment in await list.Handle(userId, cancellationToken))
        {
            // Only a booked appointment has a pass worth showing; the others would be refused at the port.
            var pass = appointment.Status == AppointmentStatus.Booked ? await getPass.Handle(appointment.Id, userId, cancellationToken) : null;
            Rows.Add(new Row(appointment, pass));
        }
    }
}
