using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Puente.Web.Accounts;

namespace Puente.Web.Pathways.Registration;

/// <summary>The people on the applicant's registration: each can be corrected or removed until it is in a request.</summary>
[Authorize(Policy = Roles.Applicant)]
internal sealed class TravellersModel(
    GetRegistration registrations, RemoveTraveller remove, UserManager<PuenteUser> users, IOptions<PathwaysOptions> options) : PageModel
{
    public IReadOnlyList<RegisterApplicant.TravellerResponse> Travellers { get; private set; } = [];
    public string? Notice { get; private set; }
    public string? Problem { get; private set; }
    public int MaxCompanions => options.Value.MaxGroupSize;
    public bool CanAdd => Travellers.Count(t => !t.IsApplicant) < MaxCompanions;

    public async Task<IActionResult> OnGet(string? saved, CancellationToken cancellationToken)
    {
        Notice = saved switch
        {
            "added" => "Travellers_Added",
            "corrected" => "Travellers_Corrected",
            "removed" => "Travellers_Removed",
            _ => null,
        };
        return await Load(cancellationToken) ? Page() : RedirectToPage("/Pathways/Registration/Register");
    }

    public async Task<IActionResult> OnPostRemove(Guid id, CancellationToken cancellationToken)
    {
        switch (await remove.Handle(users.GetUserId(User)!, id, cancellationToken))
        {
            case RemoveTraveller.Removed:
                return RedirectToPage(new { saved = "removed" });
            case RemoveTraveller.InRequest:
                Problem = "Travellers_Locked";
                break;
            case RemoveTraveller.IsApplicant:
                Problem = "Travellers_ApplicantStays";
                break;
            default:
                return NotFound();
        }
        await Load(cancellationToken);
        return Page();
    }

    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        var registration = await registrations.Handle(users.GetUserId(User)!, cancellationToken);
        Travellers = registration?.Travellers ?? [];
        return registration is not null;
    }
}
