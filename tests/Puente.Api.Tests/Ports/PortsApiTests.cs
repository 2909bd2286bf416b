using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Puente.Api.Tests.Infrastructure;

using Puente.Api.Tests.Accounts;
using Puente.Api.Tests.Hosting;

namespace Puente.Api.Tests.Ports;

public sealed class PortsApiTests
{
    private static readonly string[] BorderStates = ["CA", "AZ", "NM", "TX"];

    [Fact]
    public async Task Ports_list_has_every_land_port_with_its_facts_and_crossings()
    {
        await using var app = new PuenteApp();
        var ports = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/ports", TestContext.Current.CancellationToken);

        // ReferenceData/ports.json ships the 28 land ports in BTS data and their 53 crossings.
        Assert.Equal(28, ports.GetArrayLength());
        Assert.Equal(53, ports.EnumerateArray().Sum(p => p.GetProperty("crossings").GetArrayLength()));
        foreach (var port in ports.EnumerateArray())
        {
            Assert.Matches("^[0-9]{4}$", port.GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(port.GetProperty("name").GetString()));
            Assert.Contains(port.GetProperty("state").GetString(), BorderStates);
            Assert.InRange(port.GetProperty("latitude").GetDouble(), 25, 33.5);
            Assert.InRange(port.GetProperty("longitude").GetDouble(), -118, -97);
            Assert.StartsWith("America/", port.GetProperty("timeZone").GetString());
            Assert.True(port.GetProperty("crossings").GetArrayLength() >= 1);
        }
    }

    [Fact]
    public async Task San_Ysidro_includes_the_PedWest_crossing()
    {
        await using var app = new PuenteApp();
        var port = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/ports/2504", TestContext.Current.CancellationToken);

        Assert.Equal("2504", port.GetProperty("code").GetString());
        var pedWest = port.GetProperty("crossings").EnumerateArray().Single(c => c.GetProperty("number").GetString() == "250407");
        Assert.Contains("pedestrian", pedWest.GetProperty("lanes").EnumerateArray().Select(l => l.GetString()));
    }

    [Theory]
    [InlineData("9999")]
    [InlineData("not-a-port")]
    [InlineData("%27%3B--")]
    public async Task An_unknown_port_code_is_a_404_problem(string code)
    {
        await using var app = new PuenteApp();
        var response = await app.CreateClient().GetAsync($"/api/ports/{code}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem_not_an_html_page()
    {
        await using var app = new PuenteApp();
        var response = await app.CreateClient().GetAsync("/api/nothing-here", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
