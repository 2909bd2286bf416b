using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Puente.Api.Tests.Infrastructure;

using Puente.Api.Tests.Hosting;
using Puente.Api.Tests.Ports;

namespace Puente.Api.Tests.Accounts;

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

    [Fact]
    public async Task A_refresh_token_gives_a_new_bearer_token()
    {
        await using var app = new PuenteApp();
        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login",
            new { email = "analyst@puente.test", password = PuenteApp.DemoPassword }, TestContext.Current.CancellationToken);
        var tokens = await login.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        var refresh = await client.PostAsJsonAsync("/api/auth/refresh",
            new { refreshToken = tokens.GetProperty("refreshToken").GetString() }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var renewed = await refresh.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", renewed.GetProperty("accessToken").GetString());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me", TestContext.Current.CancellationToken);
        Assert.Equal("analyst@puente.test", me.GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_made_up_refresh_token_is_401()
    {
        await using var app = new PuenteApp();
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/refresh",
            new { refreshToken = "CfDJ8-made-up" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>
    /// Identity's other endpoints are not mapped: registering there would create an account with any
    /// email and no applicant record, and Puente has no email confirmation, password reset or 2FA flow.
    /// </summary>
    [Theory]
    [InlineData("POST", "/api/auth/register")]
    [InlineData("GET", "/api/auth/manage/info")]
    [InlineData("POST", "/api/auth/manage/info")]
    [InlineData("POST", "/api/auth/manage/2fa")]
    [InlineData("GET", "/api/auth/confirmEmail")]
    [InlineData("POST", "/api/auth/resendConfirmationEmail")]
    [InlineData("POST", "/api/auth/forgotPassword")]
    [InlineData("POST", "/api/auth/resetPassword")]
    public async Task Identity_endpoints_Puente_does_not_use_are_not_there(string method, string path)
    {
        await using var app = new PuenteApp();
        // Signed in, so a mapped endpoint would answer rather than ask for a sign-in.
        var client = await app.ClientFor("applicant@puente.test");

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = JsonContent.Create(new { email = "someone.else@puente.test", password = "Someone-else-2026!" }),
        }, TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method} {path} answered {response.StatusCode}");
    }
}
