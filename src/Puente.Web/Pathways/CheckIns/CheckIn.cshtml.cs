using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Web.Accounts;
using Puente.Web.Pathways.CheckIns;

namespace Puente.Web.Pathways.CheckIns;

/// <summary>Works without JavaScript: verify, see the travellers, confirm. offline-checkin.js adds the offline path.</summary>
[Authorize(Policy = Roles.PortOfficer)]
internal sealed class CheckInModel(GetOfficerPorts officerPorts, UserManager<PuenteUser> users, CheckInPass checkIn, GetTravellerPhoto photos) : PageModel
{
    public string? Pass { get; private set; }
    public CheckInPass.Outcome? Result { get; private set; }
    public bool Confirmed { get; private set; }

    /// <summary>The officer's ports and zones, for the offline checks in the browser.</summary>
    public Dictionary<string, string> Ports { get; private set; } = [];

    public Task OnGet(CancellationToken cancellationToken) => LoadPorts(cancellationToken);

    public async Task OnPostVerify(string? pass, CancellationToken cancellationToken) => await Run(pass, confirm: false, cancellationToken);

    /// <param name="present">The travellers the officer ticked on the manifest.</param>
    public async Task OnPostConfirm(string? pass, List<Guid> present, CancellationToken cancellationToken) => await Run(pass, confirm: true, cancellationToken, present);

    /// <summary>A traveller's photo on the manifest; only for groups due today at the officer's ports.</summary>
    public async Task<IActionResult> OnGetPhoto(Guid traveller, CancellationToken cancellationToken)
    {
        if (await photos.Handle(users.GetUserId(User)!, traveller, cancellationToken) is not { } jpeg)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        return File(jpeg, "image/jpeg");
    }

    /// <summary>The text of a refusal in the reader's language.</summary>
    public static string RefusalKey(CheckInPass.Refusal refusal) =>
        refusal.Kind == CheckInPass.Refusals.NotBooked
            ? $"CheckIn_Refused_NotBooked_{refusal.Arguments[0]}"
            : $"CheckIn_Refused_{refusal.Kind}";

    private async Task Run(string? pass, bool confirm, CancellationToken cancellationToken, List<Guid>? present = null)
    {
        Pass = pass?.Trim();
        Result = await checkIn.Handle(Pass, users.GetUserId(User)!, confirm, confirm ? present ?? [] : null, cancellationToken);
        Confirmed = confirm && Result is CheckInPass.Admitted;
        await LoadPorts(cancellationToken);
    }

    private async Task LoadPorts(CancellationToken cancellationToken) =>
        Ports = await officerPorts.Handle(users.GetUserId(User)!, cancellationToken);
}
