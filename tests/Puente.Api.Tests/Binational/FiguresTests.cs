using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Draws;
using Puente.Domain.Pathways.Requests;
using Puente.Domain.Ports.Flows;
using Puente.Web.Binational.Figures;
using Puente.Web.Database;
using static Puente.Api.Tests.Binational.BinationalData;

namespace Puente.Api.Tests.Binational;

[Collection(SeededPeriodGroup.Name)]
public sealed class FiguresTests(SeededPeriod period)
{
    private static readonly DateOnly First = new(2026, 11, 1);
    private static readonly DateOnly Last = new(2027, 1, 31);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_figures_over_http_equal_the_figures_counted_from_the_seeded_records()
    {
        var app = period.App;
        var analyst = await app.ClientFor(Analyst);

        var figures = await Figures(analyst, $"/api/binational/figures?{Period}");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var requests = await db.Requests.Where(r => r.ServiceDate >= First && r.ServiceDate <= Last && r.Status != RequestStatus.Withdrawn).Select(r => r.Size).ToListAsync(Ct);
        var appointments = await db.Appointments.Where(a => a.ServiceDate >= First && a.ServiceDate <= Last).Select(a => new { a.GroupSize, a.Status }).ToListAsync(Ct);
        var announcements = await db.DrawDays.Where(d => d.ServiceDate >= First && d.ServiceDate <= Last).Select(d => d.Announcement).ToListAsync(Ct);
        var places = announcements.Sum(a => DrawBundleJson.ParseAnnouncement(a)!.Ports.SelectMany(p => p.Slots).Sum(s => s.Capacity));
        Assert.True(requests.Count > 20, $"only {requests.Count} requests were simulated");
        Assert.Equal(
            (requests.Count, requests.Sum(), places, appointments.Count, appointments.Sum(a => a.GroupSize),
                appointments.Where(a => a.Status == AppointmentStatus.CheckedIn).Sum(a => a.GroupSize)),
            (figures.Pathways.Requests, figures.Pathways.Persons, figures.Pathways.PlacesOffered, figures.Pathways.SelectedGroups,
                figures.Pathways.SelectedPersons, figures.Pathways.CheckedInPersons));
        Assert.NotNull(figures.Pathways.MedianDaysToSelection);

        // The PedWest closure of 10–12 January 2027: November 2026's pedestrians are the whole baseline, at US$ 50 each.
        var closure = Assert.Single(figures.Crossings.Closures);
        Assert.Equal(("2504", "250407", 3), (closure.Port, closure.Crossing, closure.DaysInPeriod));
        Assert.Equal(Math.Round(PedestriansNow / 30m * 50m * 3m, 6), Math.Round(closure.ValueInPeriodUsd!.Value, 6));
        Assert.Equal(closure.ValueInPeriodUsd, figures.Crossings.EstimatedCostUsd);

        var pedestrians = Assert.Single(figures.Flows.Measures, m => m.Measure == BtsMeasure.Pedestrians);
        Assert.Equal((PedestriansNow, PedestriansYearEarlier, 20.0), (pedestrians.Period!.Value, pedestrians.YearEarlier!.Value, pedestrians.ChangePercent!.Value));

        var readings = await db.WaitObservations.CountAsync(o => o.DelayMinutes != null && o.PortCode != null, Ct);
        Assert.Equal(readings, figures.Waits.Lanes.Sum(l => l.Readings));

        var encounters = await db.EncounterCounts.Where(c => c.Month >= First && c.Month <= Last).SumAsync(c => c.Count, Ct);
        Assert.Equal(encounters, figures.Encounters.Months.Sum(m => m.Total ?? 0));

        var protection = figures.Protection!;
        // Three civil cases are withheld, and the five labour ones with them: 8 − 5 would give the three away.
        Assert.Equal(8, protection.Total.Count);
        Assert.Equal((null, true), (protection.ByCategory.Single(c => c.Key == "labour").Count, protection.ByCategory.Single(c => c.Key == "labour").Suppressed));
        Assert.Equal((null, true), (protection.ByCategory.Single(c => c.Key == "civil").Count, protection.ByCategory.Single(c => c.Key == "civil").Suppressed));
        Assert.Equal(8, protection.ByConsulate.Single(c => c.Key == "los-angeles").Count);
    }

    [Fact]
    public async Task The_open_data_files_add_up_to_the_dashboards_figures_for_the_same_period()
    {
        var app = period.App;
        var figures = await Figures(await app.ClientFor(Analyst), $"/api/binational/figures?{Period}");
        var anonymous = app.CreateClient();

        var draws = Rows(await anonymous.GetStringAsync("/opendata/draw-statistics.csv", Ct))
            .Where(r => DateOnly.Parse(r["service_date"], CultureInfo.InvariantCulture) is var d && d >= First && d <= Last).ToList();
        var protection = Rows(await anonymous.GetStringAsync("/opendata/protection-cases.csv", Ct))
            .Where(r => r["consulate"] == "all" && r["category"] == "all"
                && string.CompareOrdinal(r["month"], From[..7]) >= 0 && string.CompareOrdinal(r["month"], To[..7]) <= 0).ToList();

        Assert.NotEmpty(draws);
        Assert.Equal(figures.Pathways.PlacesOffered, draws.Sum(r => int.Parse(r["places_offered"], CultureInfo.InvariantCulture)));
        Assert.Equal(figures.Pathways.SelectedPersons, draws.Sum(r => int.Parse(r["selected_persons"], CultureInfo.InvariantCulture)));
        Assert.Equal(figures.Protection!.Total.Count, protection.Sum(r => int.Parse(r["cases"], CultureInfo.InvariantCulture)));

        // For one month, the dashboard's consulate and category counts are the open data's totals, withheld alike.
        var month = Assert.Single(protection)["month"];
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var monthly = (await Figures(await app.ClientFor(Analyst), $"/api/binational/figures?from={first:yyyy-MM-dd}&to={first.AddMonths(1).AddDays(-1):yyyy-MM-dd}")).Protection!;
        var published = Rows(await anonymous.GetStringAsync("/opendata/protection-cases.csv", Ct)).Where(r => r["month"] == month).ToList();
        static (string, string) Shown(ProtectionCell cell) => (cell.Count?.ToString(CultureInfo.InvariantCulture) ?? "", cell.Suppressed ? "true" : "false");
        static (string, string) Row(Dictionary<string, string> row) => (row["cases"], row["suppressed"]);
        Assert.Equal(Row(published.Single(r => r["consulate"] == "all" && r["category"] == "all")), Shown(monthly.Total));
        Assert.All(monthly.ByConsulate, c => Assert.Equal(Row(published.Single(r => r["consulate"] == c.Key && r["category"] == "all")), Shown(c)));
        Assert.All(monthly.ByCategory, c => Assert.Equal(Row(published.Single(r => r["consulate"] == "all" && r["category"] == c.Key)), Shown(c)));
        Assert.Contains(monthly.ByCategory, c => c.Suppressed);
    }

    [Fact]
    public async Task No_count_the_dashboard_withholds_can_be_worked_out_from_the_totals_it_shows()
    {
        var figures = await Figures(await period.App.ClientFor(Analyst), $"/api/binational/figures?{Period}");
        var protection = figures.Protection!;

        // The consulates, the categories and the urgencies each add up to the total: three equations over what is withheld.
        var groups = new[] { protection.ByConsulate, protection.ByCategory, protection.ByUrgency }
            .Select(g => g.Select(c => c.Suppressed).ToArray()).ToList();
        var recovered = TableAttack.RecoverableFromSums(groups, protection.Total.Suppressed);

        Assert.True(groups.Sum(g => g.Count(h => h)) >= 4, "the seeded period should withhold counts in two breakdowns");
        Assert.Empty(recovered);
        Assert.All(new[] { protection.ByConsulate, protection.ByCategory, protection.ByUrgency }.SelectMany(g => g),
            c => Assert.False(c.Count is > 0 and < 5, $"{c.Key} shows {c.Count}"));
    }

    /// <summary>A published CSV's rows by column name (the files hold codes, dates and numbers: no quoting).</summary>
    private static List<Dictionary<string, string>> Rows(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    [Fact]
    public async Task The_api_answers_exactly_what_the_projection_computes_for_the_same_period()
    {
        var app = period.App;

        var overHttp = await (await app.ClientFor(Analyst)).GetStringAsync($"/api/binational/figures?{Period}&port=2504", Ct);

        await using var scope = app.Services.CreateAsyncScope();
        var direct = Assert.IsType<GetPeriodFigures.Found>(await scope.ServiceProvider.GetRequiredService<GetPeriodFigures>()
            .Handle(new GetPeriodFigures.Query(First, Last, "2504", WithProtection: true), Ct));
        Assert.Equal(JsonSerializer.Serialize(direct.Figures, Json), JsonSerializer.Serialize(JsonSerializer.Deserialize<PeriodFigures>(overHttp, Json), Json));
    }

    [Fact]
    public async Task The_public_figures_have_no_protection_section_and_the_public_page_shows_none()
    {
        var app = period.App;
        var anonymous = app.CreateClient();

        var json = await anonymous.GetFromJsonAsync<JsonElement>($"/api/binational/public-figures?{Period}", Ct);
        var page = await anonymous.GetStringAsync($"/Binational/Public?{Period}&lang=en", Ct);

        Assert.Equal(JsonValueKind.Null, json.GetProperty("protection").ValueKind);
        Assert.True(json.GetProperty("pathways").GetProperty("requests").GetInt32() > 0);
        Assert.Contains("Legal pathways: demand and supply", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Protection", page, StringComparison.Ordinal);
        Assert.DoesNotContain("los-angeles", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/binational/figures?{Period}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_withholds_a_count_of_3_and_the_count_of_5_that_would_give_it_away_from_the_total_of_8()
    {
        var app = period.App;
        var analyst = await PageForms.SignIn(app, Analyst);

        var page = await analyst.GetStringAsync($"/Binational?{Period}&lang=en", Ct);

        Assert.Matches("""<th scope="row" lang="en">Civil</th>\s*<td class="number">withheld</td>""", page);
        Assert.Matches("""<th scope="row" lang="en">Labour</th>\s*<td class="number">withheld</td>""", page);
        Assert.Matches("""<th scope="row" lang="en">Critical</th>\s*<td class="number">withheld</td>""", page);
        Assert.Matches("""<th scope="row" lang="en">High</th>\s*<td class="number">withheld</td>""", page);
        Assert.Matches("""<th scope="row" lang="en">Protection cases opened</th>\s*<td class="number">8</td>""", page);
        Assert.DoesNotContain("&lt; 5", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-12-01&to=2026-11-01", "to")]
    [InlineData("from=2020-01-01&to=2026-11-01", "to")]
    public async Task A_bad_period_gets_a_validation_problem_naming_the_field(string query, string field)
    {
        await using var app = new PuenteApp();
        var response = await (await app.ClientFor(Analyst)).GetAsync($"/api/binational/figures?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task An_unknown_port_is_a_404_problem_and_the_page_says_so()
    {
        await using var app = new PuenteApp();
        var response = await app.CreateClient().GetAsync("/api/binational/public-figures?port=9999", Ct);
        var page = await app.CreateClient().GetStringAsync("/Binational/Public?port=9999&lang=en", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Unknown port &#x27;9999&#x27;", page.Replace("'", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
