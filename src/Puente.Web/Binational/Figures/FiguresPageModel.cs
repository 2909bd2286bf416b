using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Web.Binational.Figures;

/// <summary>
/// What the dashboard and the briefing page share: the period form (a GET, no JavaScript), the figures of
/// <see cref="GetPeriodFigures"/> and their charts as SVG resources of the page, so the page itself stays small.
/// </summary>
internal abstract class FiguresPageModel(GetPeriodFigures get, PuenteDb db, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Port { get; set; }

    /// <summary>False on the public page: the protection section is then not computed at all.</summary>
    protected abstract bool WithProtection { get; }

    public PeriodFigures? Figures { get; private set; }
    public IReadOnlyList<FigureTable> Tables { get; private set; } = [];
    public IReadOnlyList<Headline> Headlines { get; private set; } = [];
    public List<FieldError> Errors { get; } = [];
    public IReadOnlyList<(string Code, string Name)> Ports { get; private set; } = [];

    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public virtual async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        await Load(cancellationToken);
        return Page();
    }

    /// <summary>One figure's chart as SVG, for the period of the query string.</summary>
    public async Task<IActionResult> OnGetChart(string? id, CancellationToken cancellationToken)
    {
        await Load(cancellationToken);
        return Figures is { } figures && id is not null && FigureCharts.Svg(id, figures, text) is { } svg
            ? File(svg, FigureCharts.SvgType)
            : NotFound();
    }

    /// <summary>The query string of this page's period, for its chart resources and links.</summary>
    public string PeriodQuery => $"from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}&port={Uri.EscapeDataString(Port ?? "")}";

    public string? ChartUrl(FigureTable table) =>
        FigureCharts.Charted.Contains(table.Id) ? $"?handler=Chart&id={table.Id}&{PeriodQuery}" : null;

    protected async Task Load(CancellationToken cancellationToken)
    {
        Ports = [.. (await db.Ports.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Code, p.Name }).ToListAsync(cancellationToken)).Select(p => (p.Code, p.Name))];
        var (query, errors) = PeriodFilter.Read(From, To, Port, WithProtection, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        Errors.AddRange(errors);
        if (query is null)
        {
            return;
        }
        From = IsoDates.Write(query.From);
        To = IsoDates.Write(query.To);
        switch (await get.Handle(query, cancellationToken))
        {
            case GetPeriodFigures.Found found:
                Figures = found.Figures;
                Tables = FigureTables.All(found.Figures);
                Headlines = FigureTables.Headlines(found.Figures);
                break;
            default:
                Errors.Add(new("port", FieldCodes.PortUnknown, Port ?? ""));
                break;
        }
    }
}

/// <summary>One figure as a page shows it, in one language or several side by side.</summary>
internal sealed record FigureView(FigureTable Figure, IReadOnlyList<string> Languages, string? ChartUrl);
