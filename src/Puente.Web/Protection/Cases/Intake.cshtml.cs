using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Domain.Protection.Cases;
using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Protection.Jurisdiction;

namespace Puente.Web.Protection.Cases;

/// <summary>Intake from a form (no JavaScript): the same use case and the same field errors as the API.</summary>
[Authorize(Roles = "Caseworker,Supervisor")]
internal sealed class IntakeModel(PuenteDb db, OpenCase open, FindJurisdiction jurisdiction) : PageModel
{
    public sealed class IntakeForm
    {
        public string? GivenNames { get; set; }
        public string? FamilyNames { get; set; }
        public string? BirthDate { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? State { get; set; }
        public string? County { get; set; }
        public string? CountyName { get; set; }
        public string? Facility { get; set; }
        public CaseCategory? Category { get; set; }
        public string? Subtype { get; set; }
        public CaseUrgency? Urgency { get; set; }
        public string? Narrative { get; set; }
        public bool Consent { get; set; }
        public string? Consulate { get; set; }
        public string? OverrideReason { get; set; }
    }

    [BindProperty] public IntakeForm Form { get; set; } = new();

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public IReadOnlyList<FindJurisdiction.ConsulateItem> Consulates => jurisdiction.List().Consulates;

    public async Task<IActionResult> OnPost(CancellationToken ct)
    {
        var command = new OpenCase.Command(
            Form.GivenNames, Form.FamilyNames, string.IsNullOrWhiteSpace(Form.BirthDate) ? null : Form.BirthDate, Form.Phone, Form.Email,
            new OpenCase.Location(Form.State, Form.County, Form.CountyName, Form.Facility),
            Form.Category, Form.Subtype, Form.Urgency, Form.Narrative, Form.Consent,
            string.IsNullOrWhiteSpace(Form.Consulate) ? null : Form.Consulate, Form.OverrideReason);
        switch (await open.Handle(command, await CaseActor.Of(User, db, ct), ct))
        {
            case OpenCase.Opened opened:
                var city = Consulates.FirstOrDefault(c => c.Code == opened.Consulate)?.City ?? opened.Consulate;
                return Redirect($"/Protection?queue=unassigned&opened={Uri.EscapeDataString(opened.Number)}&at={Uri.EscapeDataString(city)}");
            case OpenCase.Invalid invalid:
                Errors = invalid.Errors;
                return Page();
            case var other:
                throw new InvalidOperationException($"Unexpected outcome {other}.");
        }
    }
}
