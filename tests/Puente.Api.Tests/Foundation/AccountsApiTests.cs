using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Puente.Api.Tests.Infrastructure;

namespace Puente.Api.Tests.Foundation;

public sealed class AccountsApiTests
{
    [Theory]
    [InlineData("admin@puente.test", "Admin")]
    [InlineData("analyst@puente.test", "Analyst")]
    [InlineData("applicant@puente.test", "Applicant")]
    [InlineData("supervisor@puente.test", "Supervisor")]
    public async Task Demo_accounts_sign_in_with_a_bearer_token_that_carries_their_role(string email, string role)
    {
        await using var app = new PuenteApp();
        var client = await app.ClientFor(email);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me", TestContext.Current.CancellationToken);

        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal([role], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task The_demo_officer_is_scoped_to_San_Ysidro()
    {
        await using var app = new PuenteApp();
        var client = await app.ClientFor("officer.sanysidro@puente.test");

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me", TestContext.Current.CancellationToken);

        Assert.Equal(["PortOfficer"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["2504"], me.GetProperty("ports").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Without_demo_there_are_no_demo_accounts()
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();

        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/login",
            new { email = "admin@puente.test", password = PuenteApp.DemoPassword }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_401_problem()
    {
        await using var app = new PuenteApp();
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/login",
            new { email = "admin@puente.test", password = "wrong-password-123" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_api_answers_401_not_a_redirect_when_nobody_is_signed_in()
    {
        await using var app = new PuenteApp();
        var response = await app.CreateClient().GetAsync("/api/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
