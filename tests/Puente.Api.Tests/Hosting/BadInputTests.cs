using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Puente.Api.Tests.Infrastructure;

using Puente.Api.Tests.Accounts;
using Puente.Api.Tests.Ports;

namespace Puente.Api.Tests.Hosting;

public sealed class BadInputTests
{
    [Theory]
    [InlineData("{\"email\": \"admin@puente.test\", \"password\": ")]
    [InlineData("not json at all")]
    [InlineData("{\"email\": 42, \"password\": [1,2]}")]
    [InlineData("[]")]
    [InlineData("{\"password\": \"whatever-123456\"}")]
    [InlineData("{\"email\": null, \"password\": null}")]
    public async Task Malformed_or_mistyped_json_is_a_400_problem(string body)
    {
        await using var app = new PuenteApp();
        var response = await app.CreateClient().PostAsync("/api/auth/login",
            new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A NUL character, which PostgreSQL cannot store in text, is refused as bad input on both databases, never a 500.</summary>
    [Theory]
    [InlineData("/api/auth/login", """{"email":"\u0000","password":"x"}""")]
    [InlineData("/api/applicants/verify", """{"applicantId":"\u0000","code":"123456"}""")]
    [InlineData("/api/applicants/resend", """{"applicantId":"\u0000"}""")]
    public async Task A_nul_character_in_a_field_is_answered_with_a_4xx_problem(string url, string json)
    {
        await using var app = new PuenteApp(demo: false);

        var response = await app.CreateClient().PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
    }

    /// <summary>The same on pages: a search typed with a NUL character shows the translated "invalid request" page.</summary>
    [Theory]
    [InlineData("/Protection?lang=en&name=a%00b")]
    [InlineData("/Protection?lang=en&number=PRT%00")]
    [InlineData("/Protection?lang=en&queue=mine&name=%00")]
    public async Task A_nul_character_in_a_page_search_is_answered_with_a_4xx_page_or_none_found(string url)
    {
        await using var app = new PuenteApp();
        var caseworker = await PageForms.SignIn(app, Puente.Api.Tests.Protection.CaseDesk.LosAngeles);

        var response = await caseworker.GetAsync(url, TestContext.Current.CancellationToken);

        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        // PostgreSQL refuses the text (400); SQLite searches for it and finds nothing.
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.Contains("Invalid request", page, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_problem()
    {
        await using var app = new PuenteApp(settings: new Dictionary<string, string?> { ["Api:MaxRequestBodyBytes"] = "1024" });
        var body = JsonSerializer.Serialize(new { email = "admin@puente.test", password = new string('x', 5000) });
        var response = await app.CreateClient().PostAsync("/api/auth/login",
            new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_are_429_with_retry_after()
    {
        await using var app = new PuenteApp(settings: new Dictionary<string, string?> { ["RateLimiting:SignInBurst"] = "2", ["RateLimiting:SignInPerWindow"] = "1" });
        var client = app.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await client.PostAsJsonAsync("/api/auth/login",
                new { email = "nobody@puente.test", password = "whatever-123456" }, TestContext.Current.CancellationToken);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.RetryAfter is not null, "Retry-After header missing");
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
    }
}
