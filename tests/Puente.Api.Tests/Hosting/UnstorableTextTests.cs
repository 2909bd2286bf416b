using System.Net.Http.Json;
using Puente.Api.Tests.Infrastructure;

namespace Puente.Api.Tests.Hosting;

/// <summary>A NUL character, which PostgreSQL cannot store in text, is refused as bad input on both databases, never a 500.</summary>
public sealed class UnstorableTextTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/auth/login", """{"email":"\u0000","password":"x"}""")]
    [InlineData("/api/applicants/verify", """{"applicantId":"\u0000","code":"123456"}""")]
    [InlineData("/api/applicants/resend", """{"applicantId":"\u0000"}""")]
    public async Task A_nul_character_in_a_field_is_answered_with_a_4xx_problem(string url, string json)
    {
        await using var app = new PuenteApp(demo: false);

        var response = await app.CreateClient().PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
    }
}
