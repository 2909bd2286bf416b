using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Domain.Ports;
using Puente.Domain.Ports.WaitTimes;
using Puente.Web.Hosting;

namespace Puente.Web.Ports.WaitTimes;

/// <summary>The recorded waits of one crossing's lane, as a chart drawn on the server and a table in the port's time.</summary>
internal sealed class WaitsModel(GetWaitHistory get) : PageModel
{
    /// <summary>Readings shown: the most recent ones, about a week of hourly polls.</summary>
    public const int MaxPoints = 168;

    [BindProperty(SupportsGet = true)] public string? Crossing { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lane { get; set; }

    public PortWaitsResponse? Waits { get; private set; }

    /// <summary>Each crossing and lane type that has readings, for the form.</summary>
    public IReadOnlyList<(string Number, string Name)> Crossings { get; private set; } = [];
    public IReadOnlyList<LaneType> Lanes { get; private set; } = [];
    public WaitSeries? Series { get; private set; }
    public IReadOnlyList<WaitPoint> Points { get; private set; } = [];
    public List<FieldError> Errors { get; } = [];
    public async Task<IActionResult> OnGet(string code, CancellationToken cancellationToken) =>
        await Load(code, cancellationToken) ? Page() : NotFound();

    /// <summary>The chart of what <see cref="OnGet"/> shows, as its own SVG resource, so the page itself stays a few kilobytes.</summary>
    public async Task<IActionResult> OnGetChart(string code, CancellationToken cancellationToken) =>
        await Load(code, cancellationToken)
            ? File(LineChart.Svg([.. Points.Select(p => (Local(p.CollectedAt).DateTime, (double?)p.DelayMinutes))], "MM-dd HH:mm"), LineChart.ContentType)
            : NotFound();

    /// <summary>The query string that draws this page's chart.</summary>
    public string ChartQuery => $"?handler=Chart&crossing={Crossing}&lane={Lane}";

    private async Task<bool> Load(string code, CancellationToken cancellationToken)
    {
        var lane = PortFilters.Lane("lane", Lane, Errors);
        if (await get.Handle(new GetWaitHistory.Query(code, null, null, null, null), cancellationToken) is not GetWaitHistory.Found found)
        {
            return false;
        }
        Waits = found.Waits;
        var standard = Waits.Series.Where(s => s.Kind == LaneKind.Standard).ToList();
        Crossings = [.. standard.Select(s => (s.Crossing, s.CrossingName)).Distinct()];
        // What was asked for; else the crossing's (or the port's first crossing's) cars, as most readers come for them.
        var crossing = standard.Any(s => s.Crossing == Crossing) ? Crossing : standard.Select(s => s.Crossing).FirstOrDefault();
        var lanes = standard.Where(s => s.Crossing == crossing).ToList();
        Series = lanes.FirstOrDefault(s => s.Lane == lane)
            ?? lanes.FirstOrDefault(s => s.Lane == LaneType.PassengerVehicle)
            ?? lanes.FirstOrDefault();
        if (Series is null)
        {
            return true;
        }
        Crossing = Series.Crossing;
        Lane = PortFilters.Name(Series.Lane);
        Lanes = [.. standard.Where(s => s.Crossing == Series.Crossing).Select(s => s.Lane)];
        Points = [.. Series.Points.TakeLast(MaxPoints)];
        return true;
    }

    /// <summary>An instant as the port's clocks show it.</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => PortCalendar.LocalTime(instant, Waits!.TimeZone);
}
