using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Api.Tests.Ports.WaitTimes;
using Puente.Domain.Ports.Flows;
using Puente.Web.Binational.Figures;
using Puente.Web.Database;
using Puente.Web.Ports.Flows;
using static Puente.Api.Tests.Protection.CaseDesk;

namespace Puente.Api.Tests.Binational;

/// <summary>
/// A period with something in every section: a simulated draw, a PedWest closure, BTS counts a year apart,
/// a wait-time poll, five labour cases of high urgency and three civil ones of critical urgency, the encounters the demo
/// seeded, and the briefing's policy scenarios computed for the period.
/// </summary>
internal static class BinationalData
{
    public const string Analyst = "analyst@puente.test";
    public const string From = "2026-11-01";
    public const string To = "2027-01-31";
    public const string Period = $"from={From}&to={To}";

    /// <summary>San Ysidro's pedestrians in November 2026 and a year earlier.</summary>
    public const long PedestriansNow = 600_000;
    public const long PedestriansYearEarlier = 500_000;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task Seed(PuenteApp app)
    {
        _ = app.Services;
        var simulate = await PuenteCli.Invoke(app.Database, "demo", "simulate", "--date", "2026-12-01", "--applicants", "60", "--seed", "7");
        Assert.True(simulate.ExitCode == 0, simulate.Error + simulate.Output);
        await Ports.Closures.CloseLater(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
            // November 2025 and November 2026, nothing between (any demo series of this port and measure gives way).
            await db.BtsSeries.Where(s => s.PortCode == "2504" && s.Measure == BtsMeasure.Pedestrians).ExecuteDeleteAsync(Ct);
            db.BtsSeries.Add(new BtsSeriesRecord
            {
                PortCode = "2504", Measure = BtsMeasure.Pedestrians, FirstMonth = new(2025, 11, 1),
                Values = [PedestriansYearEarlier, .. Enumerable.Repeat<long?>(null, 11), PedestriansNow],
            });
            await db.SaveChangesAsync(Ct);
        }
        await WaitTimesTests.Import(app, await File.ReadAllTextAsync(TestFiles.Fixture("Ports/bwt.xml"), Ct));
        var caseworker = await app.ClientFor(LosAngeles);
        for (var i = 0; i < 5; i++)
        {
            await Open(caseworker);
        }
        for (var i = 0; i < 3; i++)
        {
            await Open(caseworker, Intake(category: "civil", subtype: "child-custody", urgency: "critical"));
        }
        // The briefing's scenarios for the period, as an operator computes them for a period the job does not cover.
        var scenarios = await PuenteCli.Invoke(app.Database, "policy", "scenarios", "--from", From, "--to", To);
        Assert.True(scenarios.ExitCode == 0, scenarios.Error + scenarios.Output);
    }

    public static async Task<PeriodFigures> Figures(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<PeriodFigures>(url, Json, Ct))!;
}

/// <summary>One app seeded with <see cref="BinationalData.Seed"/> for every test that only reads the period:
/// the seed runs `puente demo simulate`, which takes most of a minute.</summary>
public sealed class SeededPeriod : IAsyncLifetime
{
    public PuenteApp App { get; } = new();

    public async ValueTask InitializeAsync() => await BinationalData.Seed(App);

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SeededPeriodGroup : ICollectionFixture<SeededPeriod>
{
    public const string Name = "A seeded binational period";
}
