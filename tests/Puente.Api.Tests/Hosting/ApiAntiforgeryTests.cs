using System.Net;
using System.Text.RegularExpressions;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways.Appointments;

namespace Puente.Api.Tests.Hosting;

/// <summary>A cross-site form carries the sign-in cookie but not the page's token: it changes nothing through the API.</summary>
public sealed partial class ApiAntiforgeryTests
{
    [Fact]
    public async Task A_cookie_authenticated_cancel_without_the_token_is_refused_with_a_problem()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var browser = await PageForms.SignIn(app, Bookings.Applicant);

        var cancel = await browser.PostAsync($"/api/appointments/{id}/cancel", null, TestContext.Current.CancellationToken);
        var cancelByForm = await browser.PostAsync($"/api/appointments/{id}/cancel",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["any"] = "field" }), TestContext.Current.CancellationToken);

        Assert.Equal("http.antiforgery", (await Bookings.AssertProblemDocument(cancel, 400)).GetProperty("code").GetString());
        Assert.Equal("http.antiforgery", (await Bookings.AssertProblemDocument(cancelByForm, 400)).GetProperty("code").GetString());
        Assert.Equal(AppointmentStatus.Booked, (await Bookings.Read(app, id)).Status);
    }

    [Fact]
    public async Task A_cookie_authenticated_cancel_with_the_pages_token_goes_through()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var browser = await PageForms.SignIn(app, Bookings.Applicant);
        var page = await browser.GetStringAsync("/Appointments", TestContext.Current.CancellationToken);

        using var cancel = new HttpRequestMessage(HttpMethod.Post, $"/api/appointments/{id}/cancel");
        cancel.Headers.Add("X-CSRF-TOKEN", CsrfMeta().Match(page).Groups[1].Value);
        var response = await browser.SendAsync(cancel, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(AppointmentStatus.Cancelled, (await Bookings.Read(app, id)).Status);
    }

    [Fact]
    public async Task A_bearer_request_needs_no_token()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var client = await app.ClientFor(Bookings.Applicant);

        var response = await client.PostAsync($"/api/appointments/{id}/cancel", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [GeneratedRegex("""<meta name="csrf-token" content="([^"]+)">""")]
    private static partial Regex CsrfMeta();
}
