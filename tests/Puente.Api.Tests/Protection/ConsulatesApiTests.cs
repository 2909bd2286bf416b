using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Puente.Api.Tests.Infrastructure;

namespace Puente.Api.Tests.Protection;

public sealed class ConsulatesApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("county=09001&date=2022-05-31", "new-york", "2017-01-01")]
    [InlineData("county=09001&date=2022-06-01", "boston", "2022-06-01")]
    [InlineData("county=48375&date=2022-05-31", "dallas", "2017-01-01")]
    [InlineData("county=48375&date=2024-01-15", "albuquerque", "2022-06-01")]
    [InlineData("state=TX&name=Potter%20County&date=2024-01-15", "albuquerque", "2022-06-01")]
    [InlineData("state=ct&name=Fairfield&date=2021-01-01", "new-york", "2017-01-01")]
    [InlineData("county=72127&date=2024-01-15", "san-juan", "2017-01-01")]
    public async Task Jurisdiction_answers_which_consulate_and_since_when_before_and_after_a_redistricting(string query, string consulate, string since)
    {
        await using var app = new PuenteApp(demo: false);
        var client = app.CreateClient();

        var answer = await client.GetFromJsonAsync<JsonElement>($"/api/consulates/jurisdiction?{query}", Ct);

        Assert.Equal(consulate, answer.GetProperty("consulate").GetProperty("code").GetString());
        Assert.Equal(since, answer.GetProperty("since").GetString());
    }

    [Theory]
    [InlineData("county=66010&date=2024-01-01", HttpStatusCode.NotFound, "consulates.unmapped")]
    [InlineData("county=06037&date=2001-01-01", HttpStatusCode.NotFound, "consulates.before-coverage")]
    [InlineData("county=06037&date=01/02/2024", HttpStatusCode.BadRequest, "dates.invalid")]
    [InlineData("state=CA", HttpStatusCode.BadRequest, "consulates.query-invalid")]
    public async Task A_lookup_that_cannot_be_answered_says_why(string query, HttpStatusCode status, string code)
    {
        await using var app = new PuenteApp(demo: false);
        var response = await app.CreateClient().GetAsync($"/api/consulates/jurisdiction?{query}", Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_consulates_list_has_the_network_with_its_source_and_recheck_date()
    {
        await using var app = new PuenteApp(demo: false);
        var network = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/consulates", Ct);

        Assert.InRange(network.GetProperty("consulates").GetArrayLength(), 50, 53);
        Assert.False(string.IsNullOrEmpty(network.GetProperty("source").GetString()));
        Assert.Equal("2027-05-29", network.GetProperty("recheckBy").GetString());
        Assert.Contains(network.GetProperty("consulates").EnumerateArray(), c => c.GetProperty("code").GetString() == "los-angeles"
            && c.GetProperty("timeZone").GetString() == "America/Los_Angeles");
    }
}
