using System.Net.Http.Json;
using System.Text.Json;
using Puente.Api.Tests.Infrastructure;
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
}
