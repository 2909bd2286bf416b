using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Puente.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Ports.Flows;
using Puente.Web.Database;

namespace Puente.Api.Tests.Ports.Costs;

public sealed class ClosureCostTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A BTS file written for the test: the same count every month from Dec 2022 to Nov 2023 (365 days),
    /// so that a value of 365 × n a year is n a day.
    /// </summary>
    private static async Task<string> Baseline(params (string Port, string Measure, int PerDay)[] rows)
    {
        var csv = new StringBuilder("Port Name,State,Port Code,Border,Date,Measure,Value\n");
        foreach (var (port, measure, perDay) in rows)
        {
            for (var month = new DateOnly(2022, 12, 1); month <= new DateOnly(2023, 11, 1); month = month.AddMonths(1))
            {
                var value = perDay * DateTime.DaysInMonth(month.Year, month.Month);
                csv.Append(CultureInfo.InvariantCulture, $"Port {port},Arizona,{port},US-Mexico Border,{month.ToString("MMM yyyy", CultureInfo.InvariantCulture)},{measure},{value}\n");
            }
        }
        var path = Path.Combine(Path.GetTempPath(), $"puente-bts-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv.ToString(), Ct);
        return path;
    }

    private static Task<PuenteApp> WithLukevilleBaseline() => WithLukevilleBaseline(demo: false);

    /// <param name="demo">With the demo data, which hold the December 2023 closures.</param>
    private static async Task<PuenteApp> WithLukevilleBaseline(bool demo)
    {
        var app = new PuenteApp(demo: demo);
        if (demo)
        {
            _ = app.Services;
        }
        else
        {
            await app.MigrateAsync();
        }
        var file = await Baseline(
            ("2602", "Personal Vehicles", 1_000), ("2602", "Personal Vehicle Passengers", 2_500), ("2602", "Trucks", 20),
            ("2602", "Truck Containers Loaded", 10), ("2606", "Personal Vehicles", 100), ("2608", "Personal Vehicles", 10_000),
            ("2608", "Trucks", 300));
        await FlowsTests.Import(app, file);
        File.Delete(file);
        return app;
    }

    [Fact]
    public async Task Closing_lukeville_stops_its_daily_flows_prices_them_and_sends_them_to_the_nearest_open_ports()
    {
        await using var app = await WithLukevilleBaseline();

        var cost = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/ports/2602/closure-cost?from=2023-12-04&to=2024-01-04", Ct);

        Assert.Equal("Lukeville", cost.GetProperty("portName").GetString());
        var estimate = cost.GetProperty("estimate");
        Assert.Equal(32, estimate.GetProperty("days").GetInt32());
        Assert.Equal(["commercial", "passengerVehicle"], estimate.GetProperty("lanes").EnumerateArray().Select(l => l.GetString()));
        var flows = estimate.GetProperty("flows").EnumerateArray().ToDictionary(f => f.GetProperty("measure").GetString()!);
        Assert.Equal(1_000, flows["personalVehicles"].GetProperty("perDay").GetDouble(), 6);
        Assert.Equal(32_000, flows["personalVehicles"].GetProperty("total").GetDouble(), 6);
        Assert.Equal(12, flows["personalVehicles"].GetProperty("monthsUsed").GetInt32());
        Assert.Equal(JsonValueKind.Null, flows["buses"].GetProperty("perDay").ValueKind);
        // Defaults: US$ 50,000 a loaded truck container and US$ 50 a person.
        Assert.Equal((10 * 50_000) + (2_500 * 50), estimate.GetProperty("valuePerDay").GetDecimal());
        Assert.Equal(32 * ((10 * 50_000) + (2_500 * 50)), estimate.GetProperty("valueTotal").GetDecimal());

        var diversions = estimate.GetProperty("diversions").EnumerateArray().ToList();
        // Cars go to the three nearest ports with passenger lanes; Sasabe first, at about 128 km.
        var cars = diversions.Where(d => d.GetProperty("lane").GetString() == "passengerVehicle").ToList();
        Assert.Equal(["2606", "2604", "2608"], cars.Select(d => d.GetProperty("portCode").GetString()));
        Assert.InRange(cars[0].GetProperty("distanceKm").GetDouble(), 127, 130);
        Assert.Equal(1.0, cars.Sum(d => d.GetProperty("share").GetDouble()), 6);
        // Sasabe has no commercial lanes, so trucks go elsewhere.
        var trucks = diversions.Where(d => d.GetProperty("lane").GetString() == "commercial").Select(d => d.GetProperty("portCode").GetString()).ToList();
        Assert.DoesNotContain("2606", trucks);
        Assert.Contains("2608", trucks);
        var sanLuis = cars.Single(d => d.GetProperty("portCode").GetString() == "2608").GetProperty("loads").EnumerateArray()
            .Single(l => l.GetProperty("measure").GetString() == "personalVehicles");
        Assert.Equal(10_000, sanLuis.GetProperty("ownPerDay").GetDouble(), 6);
        Assert.Equal(sanLuis.GetProperty("addedPerDay").GetDouble() / 100, sanLuis.GetProperty("increasePercent").GetDouble(), 6);
    }

    [Fact]
    public async Task One_lane_type_closes_only_its_own_flows()
    {
        await using var app = await WithLukevilleBaseline();

        var cost = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/ports/2602/closure-cost?lane=commercial&from=2023-12-04&to=2023-12-04", Ct);

        var estimate = cost.GetProperty("estimate");
        Assert.Equal(["trucks", "truckContainersLoaded"], estimate.GetProperty("flows").EnumerateArray().Select(f => f.GetProperty("measure").GetString()));
        Assert.Equal(500_000m, estimate.GetProperty("valueTotal").GetDecimal());
    }

    [Fact]
    public async Task Per_unit_values_come_from_configuration()
    {
        await using var app = new PuenteApp(demo: false, settings: new Dictionary<string, string?> { ["ClosureCost:LoadedTruckContainerUsd"] = "1000", ["ClosureCost:DiversionPorts"] = "1" });
        await app.MigrateAsync();
        var file = await Baseline(("2602", "Truck Containers Loaded", 10));
        await FlowsTests.Import(app, file);
        File.Delete(file);

        var estimate = (await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/ports/2602/closure-cost?lane=commercial&from=2023-12-04&to=2023-12-05", Ct)).GetProperty("estimate");

        Assert.Equal(20_000m, estimate.GetProperty("valueTotal").GetDecimal());
        Assert.Single(estimate.GetProperty("diversions").EnumerateArray());
    }

    [Theory]
    [InlineData("?from=2023-12-04", "to", "ports.date-required")]
    [InlineData("?from=2023-12-04&to=04/01/2024", "to", "ports.date-invalid")]
    [InlineData("?from=2023-12-04&to=2023-12-01", "to", "costs.ends-before-start")]
    [InlineData("?from=2023-01-01&to=2024-12-31", "to", "costs.too-long")]
    [InlineData("?lane=ferry&from=2023-12-04&to=2024-01-04", "lane", "ports.lane-unknown")]
    public async Task Bad_input_is_a_400_naming_the_field(string query, string field, string code)
    {
        await using var app = await WithLukevilleBaseline();

        var response = await app.CreateClient().GetAsync($"/api/ports/2602/closure-cost{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(code, problem.GetProperty("fieldCodes").GetProperty(field)[0].GetString());
    }

    [Theory]
    [InlineData("/api/ports/9999/closure-cost?from=2023-12-04&to=2024-01-04", 404, "ports.not-found")]
    [InlineData("/api/ports/2602/closure-cost?lane=rail&from=2023-12-04&to=2024-01-04", 422, "costs.no-such-lane")]
    [InlineData("/api/ports/2602/closure-cost?from=2030-12-04&to=2031-01-04", 422, "costs.no-baseline")]
    public async Task What_cannot_be_estimated_is_a_problem_with_its_code(string url, int status, string code)
    {
        await using var app = await WithLukevilleBaseline();

        var response = await app.CreateClient().GetAsync(url, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Closing_lukeville_from_4_december_2023_to_4_january_2024_is_estimated_from_the_real_bts_data()
    {
        var path = TestFiles.RealData("bts_border_crossing_entry_data_us_mexico_1996-2025.csv");
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();
        await FlowsTests.Import(app, path);

        var estimate = (await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/ports/2602/closure-cost?from=2023-12-04&to=2024-01-04", Ct)).GetProperty("estimate");

        var flows = estimate.GetProperty("flows").EnumerateArray().ToDictionary(f => f.GetProperty("measure").GetString()!);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", flows.Select(f => $"{f.Key}: {f.Value.GetProperty("perDay")} a day")));
        TestContext.Current.TestOutputHelper?.WriteLine($"value at stake {estimate.GetProperty("valuePerDay")} a day, {estimate.GetProperty("valueTotal")} in all");
        Assert.All(flows.Values, f => Assert.Equal(12, f.GetProperty("monthsUsed").GetInt32()));
        // Puerto Peñasco's tourists: thousands of vehicles a day through Lukeville.
        Assert.InRange(flows["personalVehicles"].GetProperty("perDay").GetDouble(), 1_000, 10_000);
        Assert.True(estimate.GetProperty("valuePerDay").GetDecimal() > 0);
        Assert.Equal("2606", estimate.GetProperty("diversions").EnumerateArray()
            .First(d => d.GetProperty("lane").GetString() == "passengerVehicle").GetProperty("portCode").GetString());
    }

    /// <summary>The demo's Lukeville closure of December 2023 (passenger vehicles), found through its lane history.</summary>
    private static async Task<(HttpClient Analyst, Guid Closure)> LukevilleDecember2023(PuenteApp app)
    {
        var analyst = await app.ClientFor("analyst@puente.test");
        var history = await analyst.GetFromJsonAsync<JsonElement>("/api/ports/2602/status/history", Ct);
        var id = history.EnumerateArray().First(c => c.GetProperty("lane").GetString() == "passengerVehicle").GetProperty("closureId").GetGuid();
        return (analyst, id);
    }

    [Fact]
    public async Task The_december_2023_lukeville_closure_shows_its_estimate_in_the_closure_api_and_on_the_port_page()
    {
        await using var app = await WithLukevilleBaseline(demo: true);
        var (analyst, id) = await LukevilleDecember2023(app);

        var closure = await analyst.GetFromJsonAsync<JsonElement>($"/api/closures/{id}", Ct);

        var cost = closure.GetProperty("cost");
        Assert.Equal("defaults", cost.GetProperty("valuesSource").GetString());
        var estimate = cost.GetProperty("estimate");
        // 4 December 2023 to 4 January 2024 (reopened at 06:00 that day), passenger vehicles only.
        Assert.Equal(("2023-12-04", "2024-01-04", 32), (estimate.GetProperty("from").GetString(), estimate.GetProperty("to").GetString(), estimate.GetProperty("days").GetInt32()));
        Assert.Equal(["passengerVehicle"], estimate.GetProperty("lanes").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(2_500 * 50, estimate.GetProperty("valuePerDay").GetDecimal());
        Assert.Equal("2606", estimate.GetProperty("diversions")[0].GetProperty("portCode").GetString());

        var page = await app.CreateClient().GetStringAsync("/Ports/2602?lang=en", Ct);

        Assert.Contains("Value at stake: US$ 125,000 a day, US$ 4,000,000 over the closure’s 32 days.", page, StringComparison.Ordinal);
        Assert.Contains("the documented defaults", page, StringComparison.Ordinal);
        Assert.Contains("Sasabe (2606)", page, StringComparison.Ordinal);
        // Commercial lanes: 10 loaded truck containers a day at US$ 50,000.
        Assert.Contains("US$ 500,000 a day", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        var spanish = await app.CreateClient().GetStringAsync("/Ports/2602?lang=es", Ct);
        Assert.Contains("Valor en juego", spanish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closure_without_bts_counts_before_it_says_it_cannot_be_estimated()
    {
        await using var app = new PuenteApp();
        var (analyst, id) = await LukevilleDecember2023(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
            await db.BtsSeries.ExecuteDeleteAsync(Ct);
            await db.BtsConflicts.ExecuteDeleteAsync(Ct);
        }

        var closure = await analyst.GetFromJsonAsync<JsonElement>($"/api/closures/{id}", Ct);

        Assert.Equal(JsonValueKind.Null, closure.GetProperty("cost").ValueKind);
        var page = await app.CreateClient().GetStringAsync("/Ports/2602?lang=en", Ct);
        Assert.Contains("There are no BTS counts for the 12 months before the closure", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_december_2023_lukeville_closure_is_estimated_from_the_real_bts_data_on_its_page()
    {
        var path = TestFiles.RealData("bts_border_crossing_entry_data_us_mexico_1996-2025.csv");
        await using var app = new PuenteApp();
        _ = app.Services;
        await FlowsTests.Import(app, path);
        var (analyst, id) = await LukevilleDecember2023(app);

        var estimate = (await analyst.GetFromJsonAsync<JsonElement>($"/api/closures/{id}", Ct)).GetProperty("cost").GetProperty("estimate");

        var flows = estimate.GetProperty("flows").EnumerateArray().ToDictionary(f => f.GetProperty("measure").GetString()!);
        Assert.Equal(12, flows["personalVehicles"].GetProperty("monthsUsed").GetInt32());
        Assert.InRange(flows["personalVehicles"].GetProperty("perDay").GetDouble(), 1_000, 10_000);
        Assert.Equal(32 * estimate.GetProperty("valuePerDay").GetDecimal(), estimate.GetProperty("valueTotal").GetDecimal());
        var page = await app.CreateClient().GetStringAsync("/Ports/2602?lang=en", Ct);
        Assert.Contains("Daily flows stopped (BTS average from 2022-12 to 2023-11)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("There are no BTS counts", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_demo_seeding_the_december_2023_lukeville_closure_is_estimated_from_the_demo_fixture_and_says_so()
    {
        await using var app = new PuenteApp();
        var (analyst, id) = await LukevilleDecember2023(app);

        var cost = (await analyst.GetFromJsonAsync<JsonElement>($"/api/closures/{id}", Ct)).GetProperty("cost");

        Assert.True(cost.GetProperty("demoFigures").GetBoolean());
        var estimate = cost.GetProperty("estimate");
        Assert.True(estimate.GetProperty("valuePerDay").GetDecimal() > 0);
        var flows = estimate.GetProperty("flows").EnumerateArray().ToDictionary(f => f.GetProperty("measure").GetString()!);
        Assert.Equal(12, flows["personalVehicles"].GetProperty("monthsUsed").GetInt32());
        Assert.True(flows["personalVehicles"].GetProperty("perDay").GetDouble() > 0);
        var page = await app.CreateClient().GetStringAsync("/Ports/2602?lang=en", Ct);
        Assert.Contains("Daily flows stopped (average of made-up demo figures, not BTS, from 2022-12 to 2023-11)", page, StringComparison.Ordinal);
        var monthly = await app.CreateClient().GetStringAsync("/Ports/2602/Flows?lang=en", Ct);
        Assert.Contains("made-up demo figures", monthly, StringComparison.Ordinal);
        Assert.DoesNotContain("Source: BTS Border Crossing Entry Data", monthly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bts_import_replaces_the_demo_fixture_rather_than_conflicting_with_it()
    {
        await using var app = await WithLukevilleBaseline(demo: true);
        var analyst = await app.ClientFor("analyst@puente.test");

        var flows = await analyst.GetFromJsonAsync<JsonElement>("/api/ports/2602/flows?measure=personalVehicles", Ct);

        Assert.False(flows.GetProperty("demoFigures").GetBoolean());
        var months = flows.GetProperty("measures")[0].GetProperty("months").EnumerateArray().ToList();
        Assert.All(months, m => Assert.Equal(0, m.GetProperty("conflictingValues").GetArrayLength()));
        Assert.Equal(31_000, months.Single(m => m.GetProperty("month").GetString() == "2023-01").GetProperty("value").GetInt64());
    }
}
