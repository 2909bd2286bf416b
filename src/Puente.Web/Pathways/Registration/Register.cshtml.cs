using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Puente.Web.Accounts;
using Puente.Web.Hosting;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Registration;

[EnableRateLimiting(RateLimiting.SignInPolicy)]
[RequestSizeLimit(MaxFormBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFormBytes)]
internal sealed class RegisterModel(
    RegisterApplicant register, SaveTravellerPhoto savePhoto, SignInManager<PuenteUser> signIn, IOptions<PathwaysOptions> options) : PageModel
{
    public sealed class PersonInput
    {
        public string? GivenNames { get; set; }
        public string? FamilyNames { get; set; }
        public DateOnly? BirthDate { get; set; }
        public string? Nationality { get; set; }
        public string? DocumentType { get; set; }
        public string? DocumentCountry { get; set; }
        public string? DocumentNumber { get; set; }
        public string? NoDocumentReason { get; set; }
        public IFormFile? Photo { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(GivenNames) && string.IsNullOrWhiteSpace(FamilyNames) && BirthDate is null;
    }

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? PreferredLanguage { get; set; }
    [BindProperty] public PersonInput Applicant { get; set; } = new();
    [BindProperty] public List<PersonInput> Companions { get; set; } = [];

    /// <summary>What is wrong, by person (-1 applicant, else the form's companion row; null: the account).</summary>
    public List<(int? Person, FieldError Error)> Problems { get; } = [];

    public int MaxCompanions => options.Value.MaxGroupSize;

    /// <summary>A family's photos straight from phone cameras, a few megabytes each.</summary>
    private const int MaxFormBytes = 64 * 1024 * 1024;

    public void OnGet() => PreferredLanguage ??= System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        while (Companions.Count < MaxCompanions)
        {
            Companions.Add(new PersonInput());
        }
        var filled = Companions.Select((c, i) => (c, i)).Where(x => !x.c.IsBlank).ToList();
        // Photos are checked before anything is created, so a bad file loses nothing else typed.
        var photos = new List<byte[]?> { await Photo(Applicant, -1) };
        foreach (var (companion, i) in filled)
        {
            photos.Add(await Photo(companion, i));
        }
        if (Problems.Count > 0)
        {
            return Page();
        }
        var outcome = await register.Handle(new RegisterApplicant.Command(
            Blank(Email), Blank(Phone), Password, PreferredLanguage,
            ToPerson(Applicant), filled.Select(x => ToPerson(x.c)).ToList()), cancellationToken);
        if (outcome is RegisterApplicant.Registered registered)
        {
            foreach (var (traveller, photo) in registered.Account.Travellers.Zip(photos))
            {
                if (photo is not null)
                {
                    await savePhoto.Store(registered.Account.ApplicantId, traveller.Id, photo, cancellationToken);
                }
            }
            var user = await signIn.UserManager.FindByIdAsync(registered.Account.ApplicantId);
            signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
            await signIn.SignInAsync(user!, isPersistent: false);
            return RedirectToPage("/Pathways/Registration/Verify");
        }
        foreach (var error in ((RegisterApplicant.Invalid)outcome).Errors)
        {
            var person = PersonIndex(error.Field);
            // Companion indexes in the use case count only filled rows; map back to the form's rows.
            if (person >= 0 && person < filled.Count)
            {
                person = filled[person.Value].i;
            }
            Problems.Add((person, error));
        }
        return Page();
    }

    /// <summary>Which person a field path is about: -1 for the applicant, the companion's index, or null.</summary>
    private static int? PersonIndex(string path) =>
        path.StartsWith("applicant", StringComparison.Ordinal) ? -1
        : path.StartsWith("companions[", StringComparison.Ordinal) && int.TryParse(path[11..path.IndexOf(']', StringComparison.Ordinal)], out var i) ? i
        : null;

    /// <summary>The re-encoded photo, null when none was chosen; a file that is not an image is a problem beside its person.</summary>
    private async Task<byte[]?> Photo(PersonInput person, int index)
    {
        if (person.Photo is not { Length: > 0 } file)
        {
            return null;
        }
        var jpeg = await TravellerPhotos.Reencode(file, HttpContext.RequestAborted);
        if (jpeg is null)
        {
            Problems.Add((index, new FieldError("photo", FieldCodes.PhotoInvalid,
                (TravellerPhotos.MaxUploadBytes / 1024 / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        return jpeg;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public static RegisterApplicant.Person ToPerson(PersonInput input) =>
        new(input.GivenNames, input.FamilyNames, input.BirthDate, input.Nationality,
            input.DocumentType, input.DocumentCountry, input.DocumentNumber, input.NoDocumentReason);
}
