using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Puente.Api.Tests.Infrastructure;

namespace Puente.Api.Tests.Hosting;

/// <summary>Inputs that once reached a 500: each now answers a 4xx with a problem body, on both databases.</summary>
public sealed class NoServerErrorTests
{
    private static readonly string[] SanYsidro = ["2504"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task A_request_for_a_date_at_the_end_of_the_calendar_is_a_4xx_problem(string serviceDate)
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        await driver.Announce();
        var (client, registration) = await driver.SignedInApplicant("far.dates@puente.test");

        var response = await client.PostAsJsonAsync("/api/requests",
            new { serviceDate, ports = SanYsidro, travellers = PathwaysDriver.TravellerIds(registration) }, Ct);

        await AssertClientProblem(response);
    }

    [Fact]
    public async Task The_error_page_without_a_code_is_not_a_server_error()
    {
        await using var app = new PuenteApp();

        var response = await app.CreateClient().GetAsync("/Error", Ct);

        Assert.True((int)response.StatusCode < 500, $"/Error answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task An_e_mail_longer_than_any_address_is_a_400_problem()
    {
        await using var app = new PuenteApp();
        var email = new string('a', 290) + "@example.test";

        var response = await app.CreateClient().PostAsJsonAsync("/api/applicants", new
        {
            email,
            password = PathwaysDriver.Password,
            applicant = new { givenNames = "Ana", familyNames = "Ruiz", birthDate = "1990-01-01", nationality = "MEX", documentType = "passport", documentCountry = "MEX", documentNumber = "G1234567" },
        }, Ct);

        await AssertClientProblem(response);
    }

    [Fact]
    public async Task Simultaneous_registrations_of_one_e_mail_answer_success_or_a_4xx_problem_never_a_500()
    {
        await using var app = new PuenteApp();
        var client = app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.PostAsJsonAsync("/api/applicants", new
        {
            email = "same.address@puente.test",
            password = PathwaysDriver.Password,
            applicant = new { givenNames = "Ana", familyNames = "Ruiz", birthDate = "1990-01-01", nationality = "MEX", documentType = "passport", documentCountry = "MEX", documentNumber = $"G12345{i:00}" },
        }, Ct)));

        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"a registration answered {(int)r.StatusCode}"));
    }

    private static async Task AssertClientProblem(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.True(problem.RootElement.TryGetProperty("title", out _));
    }
}
