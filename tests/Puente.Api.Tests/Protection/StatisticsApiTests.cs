using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Hosting;
using static Puente.Api.Tests.Protection.CaseDesk;

namespace Puente.Api.Tests.Protection;

public sealed class StatisticsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_count_of_3_is_withheld_and_a_count_of_5_is_shown()
    {
        await using var app = new PuenteApp();
        var caseworker = await app.ClientFor(LosAngeles);
        var analyst = await app.ClientFor("analyst@puente.test");
        for (var i = 0; i < 3; i++)
        {
            await Open(caseworker, Intake(category: "civil", subtype: "child-custody"));
        }
        for (var i = 0; i < 5; i++)
        {
            await Open(caseworker);
        }

        var table = await analyst.GetFromJsonAsync<JsonElement>("/api/protection/statistics?from=2026-11-01&to=2026-11-30", Ct);

        var cells = table.GetProperty("cells").EnumerateArray().ToList();
        var civil = Assert.Single(cells, c => c.GetProperty("category").GetString() == "civil");
        var labour = Assert.Single(cells, c => c.GetProperty("category").GetString() == "labour");
        Assert.True(civil.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, civil.GetProperty("count").ValueKind);
        Assert.DoesNotContain("\"count\":3", table.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(5, labour.GetProperty("count").GetInt32());
        Assert.Equal("2026-11", labour.GetProperty("month").GetString());
        Assert.Equal("los-angeles", labour.GetProperty("consulate").GetString());
    }

    [Theory]
    [InlineData("from=2026-12-01&to=2026-11-01", FieldCodes.PeriodReversed)]
    [InlineData("from=1900-01-01&to=2999-12-31", FieldCodes.PeriodTooLong)]
    public async Task A_period_that_is_reversed_or_too_long_gets_a_validation_problem_naming_to(string query, string code)
    {
        await using var app = new PuenteApp();
        var analyst = await app.ClientFor("analyst@puente.test");

        var response = await analyst.GetAsync($"/api/protection/statistics?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(code, problem.GetProperty("fieldCodes").GetProperty("to")[0].GetString());
    }

    [Fact]
    public async Task The_last_day_Puente_takes_is_a_period_like_any_other()
    {
        await using var app = new PuenteApp();
        var caseworker = await app.ClientFor(LosAngeles);
        var analyst = await app.ClientFor("analyst@puente.test");
        await Open(caseworker);

        var response = await analyst.GetAsync("/api/protection/statistics?from=2999-12-31&to=2999-12-31", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("cells").EnumerateArray());
    }
}
