using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Web.Accounts;
using Puente.Web.Hosting;

namespace Puente.Web.Pathways.Registration;

/// <summary>Adds a person to the registration (no id) or corrects one, photo included, with registration's rules.</summary>
[Authorize(Policy = Roles.Applicant)]
[RequestSizeLimit(TravellerPhotos.MaxUploadBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = TravellerPhotos.MaxUploadBytes + 64 * 1024)]
internal sealed class TravellerModel(
    GetRegistration registrations, SaveTraveller save, SaveTravellerPhoto savePhoto, UserManager<PuenteUser> users,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> text) : PageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public RegisterModel.PersonInput Person { get; set; } = new();
    public List<string> Problems { get; } = [];
    public bool Locked { get; private set; }

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        if (Id is null)
        {
            return Page();
        }
        var registration = await registrations.Handle(users.GetUserId(User)!, cancellationToken);
        if (registration?.Travellers.FirstOrDefault(t => t.Id == Id) is not { } traveller)
        {
            return NotFound();
        }
        Locked = traveller.InRequest;
        // The document number is shown only by its last four: it is typed again to change it.
        Person = new RegisterModel.PersonInput
        {
            GivenNames = traveller.GivenNames, FamilyNames = traveller.FamilyNames, BirthDate = traveller.BirthDate,
            Nationality = traveller.Nationality, DocumentType = traveller.DocumentType, DocumentCountry = traveller.DocumentCountry,
        };
        return Page();
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        // The photo is checked before anything is saved, so a bad file loses nothing else typed.
        byte[]? photo = null;
        if (Person.Photo is { Length: > 0 } file && (photo = await TravellerPhotos.Reencode(file, cancellationToken)) is null)
        {
            Problems.Add(new FieldError("photo", FieldCodes.PhotoInvalid,
                (TravellerPhotos.MaxUploadBytes / 1024 / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)).Text(text));
            return Page();
        }
        switch (await save.Handle(userId, Id, RegisterModel.ToPerson(Person), cancellationToken))
        {
            case SaveTraveller.Saved saved:
                if (photo is not null)
                {
                    await savePhoto.Store(userId, saved.Traveller.Id, photo, cancellationToken);
                }
                return RedirectToPage("/Pathways/Registration/Travellers", new { saved = Id is null ? "added" : "corrected" });
            case SaveTraveller.Invalid invalid:
                Problems.AddRange(invalid.Errors.Select(e => e.Text(text)).Distinct());
                return Page();
            case SaveTraveller.InRequest:
                Locked = true;
                return Page();
            default:
                return NotFound();
        }
    }
}
