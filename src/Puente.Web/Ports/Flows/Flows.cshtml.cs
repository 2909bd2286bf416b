using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Domain.Ports.Flows;
using Puente.Web.Hosting;

namespace Puente.Web.Ports.Flows;

/// <summary>A port's monthly BTS counts of one measure, as a chart drawn on the server and a table.</summary>
internal sealed class FlowsModel(GetMonthlyFlows get) : PageModel
{
    /// <summary>Months shown when the reader has not chosen a range: the last three years on record.</summary>
    public const int DefaultMonths = 36;

    // What most readers come for first, when they have not chosen.
    private static readonly BtsMeasure[] Preferred = [BtsMeasure.PersonalVehiclePassengers, BtsMeasure.Pedestrians, BtsMeasure.Trucks];

    [BindProperty(SupportsGet = true)] public string? Measure { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public PortFlowsResponse? Flows { get; private set; }
    public MeasureSeries? Series { get; private set; }
    public IReadOnlyList<MonthlyCount> Months { get; private set; } = [];
    public List<FieldError> Errors { get; } = [];
    public async Task<IActionResult> OnGet(string code, CancellationToken cancellationToken) =>
        await Load(code, cancellationToken) ? Page() : NotFound();

    /// <summary>The chart of what <see cref="OnGet"/> shows, as its own SVG resource, so the page itself stays a few kilobytes.</summary>
    public async Task<IActionResult> OnGetChart(string code, CancellationToken cancellationToken) =>
        await Load(code, cancellationToken)
            ? File(LineChart.Svg([.. Months.Select(m => (DateTime.ParseExact(m.Month, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), (double?)m.Value))], "yyyy-MM"), LineChart.ContentType)
            : NotFound();

    /// <summary>The query string that draws this page's chart.</summary>
    public string ChartQuery => $"?handler=Chart&measure={Measure}&from={From}&to={To}";

    private async Task<bool> Load(string code, CancellationToken cancellationToken)
    {
        var measure = PortFilters.Measure("measure", Measure, Errors);
        var from = PortFilters.Month("from", From, Errors);
        var to = PortFilters.Month("to", To, Errors);
        if (await get.Handle(new GetMonthlyFlows.Query(code, null, null, null), cancellationToken) is not GetMonthlyFlows.Found found)
        {
            return false;
        }
        Flows = found.Flows;
        Series = Flows.Measures.FirstOrDefault(s => s.Measure == measure)
            ?? Flows.Measures.Where(s => Preferred.Contains(s.Measure)).MinBy(s => Array.IndexOf(Preferred, s.Measure))
            ?? (Flows.Measures.Count > 0 ? Flows.Measures[0] : null);
        if (Series is null)
        {
            return true;
        }
        Measure = PortFilters.Name(Series.Measure);
        var last = Series.Months[^1].Month;
        To = to is { } t ? Month(t) : last;
        From = from is { } f ? Month(f) : Month(DateOnly.ParseExact(last, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture).AddMonths(-(DefaultMonths - 1)));
        Months = [.. Series.Months.Where(m => string.CompareOrdinal(m.Month, From) >= 0 && string.CompareOrdinal(m.Month, To) <= 0)];
        return true;
    }

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
