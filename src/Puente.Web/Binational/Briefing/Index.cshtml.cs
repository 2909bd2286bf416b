using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Puente.Web.Accounts;
using Puente.Web.Binational.Figures;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Web.Binational.Briefing;

/// <summary>
/// The briefing for a meeting of both governments: a print-ready page and the same document as a PDF, in one
/// language or Spanish and English side by side, from the same figures as the dashboard.
/// </summary>
[Authorize(Roles = Roles.Analyst + "," + Roles.Admin)]
internal sealed class IndexModel(GetPeriodFigures get, PuenteDb db, IStringLocalizer<SharedResource> text, TimeProvider clock, BriefingPdf pdf)
    : FiguresPageModel(get, db, text, clock)
{
    public const string FieldLanguage = "language";

    /// <summary>One of <see cref="BriefingLanguages.Choices"/>; empty is the reader's language.</summary>
    [BindProperty(Name = FieldLanguage, SupportsGet = true)] public string? Written { get; set; }

    public IReadOnlyList<string> Languages { get; private set; } = [];

    protected override bool WithProtection => true;

    public override async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        await Prepare(cancellationToken);
        return Page();
    }

    /// <summary>The same document as a PDF; with a bad period or language, the page and its errors instead.</summary>
    public async Task<IActionResult> OnGetPdf(CancellationToken cancellationToken)
    {
        await Prepare(cancellationToken);
        if (Figures is not { } figures || Errors.Count > 0)
        {
            return Page();
        }
        var name = $"puente-briefing-{From}-{To}{(Port is { Length: > 0 } p ? "-" + p : "")}-{string.Join("-", Languages)}.pdf";
        return File(pdf.Render(figures, Languages), "application/pdf", name);
    }

    public string DocumentQuery => $"{PeriodQuery}&{FieldLanguage}={Uri.EscapeDataString(Written ?? "")}";

    private async Task Prepare(CancellationToken cancellationToken)
    {
        if (BriefingLanguages.Read(Written, Language) is { } languages)
        {
            Languages = languages;
        }
        else
        {
            Errors.Add(new(FieldLanguage, FieldCodes.LanguageUnsupported, string.Join(", ", BriefingLanguages.Choices)));
            Languages = [Language];
        }
        await Load(cancellationToken);
    }
}
