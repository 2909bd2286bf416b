using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Binational.Scenarios;
using Puente.Web.Database;
using static Puente.Api.Tests.Binational.BinationalData;

namespace Puente.Api.Tests.Binational;

[Collection(SeededPeriodGroup.Name)]
public sealed class ScenariosTests(SeededPeriod period)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_periods_scenarios_are_stored_once_with_their_seed_and_the_baseline_first()
    {
        var app = period.App;

        var again = await PuenteCli.Invoke(app.Database, "policy", "scenarios", "--from", From, "--to", To);
        var figures = (await Figures(await app.ClientFor(Analyst), $"/api/binational/figures?{Period}")).Scenarios!;

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("Already computed", again.Output, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PuenteDb>().Scenarios.CountAsync(Ct);
        Assert.Equal(3, stored);
        Assert.True(figures.Computed);
        Assert.Equal((ComputeScenarios.Seed, "recorded", 92), (figures.Seed!.Value, figures.Demand, figures.Days!.Value));
        Assert.Equal(["baseline", "capacity-1.5", "priority-80"], figures.Scenarios.Select(s => s.Scenario));
        var (baseline, more) = (figures.Scenarios[0], figures.Scenarios[1]);
        Assert.True(more.PlacesPerDay > baseline.PlacesPerDay);
        Assert.True(more.SelectedWithin30Days >= baseline.SelectedWithin30Days);
        Assert.Equal(80, figures.Scenarios[2].PriorityPercent);
    }

    [Fact]
    public async Task A_briefing_for_a_period_not_computed_says_so_in_its_language_instead_of_waiting()
    {
        var pages = await PageForms.SignIn(period.App, Analyst);

        var english = WebUtility.HtmlDecode(await pages.GetStringAsync("/Binational/Briefing?from=2026-10-01&to=2026-10-31&language=en&lang=en", Ct));
        var both = WebUtility.HtmlDecode(await pages.GetStringAsync("/Binational/Briefing?from=2026-10-01&to=2026-10-31&language=es-en&lang=es", Ct));

        Assert.Contains("Figure 9. Policy scenarios", english, StringComparison.Ordinal);
        Assert.Contains("The scenarios for this period have not been computed yet.", english, StringComparison.Ordinal);
        Assert.Contains("Figura 9. Escenarios de política", both, StringComparison.Ordinal);
        Assert.Contains("<p>Los escenarios de este periodo aún no se han calculado.", both, StringComparison.Ordinal);
        Assert.Contains(" / The scenarios for this period have not been computed yet.", both, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_figures_carry_no_scenarios()
    {
        var figures = await Figures(period.App.CreateClient(), $"/api/binational/public-figures?{Period}");

        Assert.Null(figures.Scenarios);
    }

    [Fact]
    public async Task A_reversed_period_is_refused_by_the_command_with_the_field_named()
    {
        var run = await PuenteCli.Invoke(period.App.Database, "policy", "scenarios", "--from", "2026-12-01", "--to", "2026-11-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--to:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_job_keeps_the_last_30_days_and_the_last_full_month_computed()
    {
        var periods = ScenarioJob.Periods(new DateOnly(2026, 11, 29)).ToList();

        Assert.Equal(
            [new ComputeScenarios.Query(new(2026, 10, 31), new(2026, 11, 29)), new ComputeScenarios.Query(new(2026, 10, 1), new(2026, 10, 31))],
            periods);
    }
}
