using System.Net;
using System.Text.RegularExpressions;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways;

namespace Puente.Api.Tests.Passes;

public sealed partial class PassPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A cookie-carrying browser-like client signed in through the login page.</summary>
    private static async Task<HttpClient> SignIn(PuenteApp app, string email)
    {
        var client = app.CreateClient();
        var login = await client.GetStringAsync("/Account/Login?lang=en", Ct);
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = PuenteApp.DemoPassword,
            ["__RequestVerificationToken"] = Antiforgery(login),
        }), Ct);
        Assert.True(response.IsSuccessStatusCode, $"sign-in answered {response.StatusCode}");
        return client;
    }

    private static string Antiforgery(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    private static Task<HttpResponseMessage> Post(HttpClient client, string url, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Antiforgery(page);
        return client.PostAsync(url, new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task The_applicant_sees_a_printable_QR_pass_and_can_cancel_without_JavaScript()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var client = await SignIn(app, Bookings.Applicant);

        var page = await client.GetStringAsync("/Appointments?lang=en", Ct);

        Assert.Contains("src=\"data:image/png;base64,", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("MG · 1988", page, StringComparison.Ordinal);
        Assert.Matches(@"class=""token"">[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+<", page);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);

        var cancelled = await Post(client, "/Appointments?handler=Cancel", page, new() { ["id"] = id.ToString() });

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Contains("role=\"status\"", await cancelled.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Cancelled, (await Bookings.Read(app, id)).Status);
    }

    [Fact]
    public async Task The_officer_verifies_sees_the_travellers_and_confirms_without_JavaScript()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var token = await Bookings.Token(app, id);
        var client = await SignIn(app, Bookings.Officer);
        var page = await client.GetStringAsync("/Officer/CheckIn?lang=en", Ct);
        Assert.Contains("<script src=\"/js/offline-checkin.js", page, StringComparison.Ordinal);
        Assert.Contains("provisional until it is synced", page, StringComparison.Ordinal);

        var verified = await (await Post(client, "/Officer/CheckIn?handler=Verify&lang=en", page, new() { ["pass"] = token })).Content.ReadAsStringAsync(Ct);

        Assert.Contains("JG", verified, StringComparison.Ordinal);
        Assert.Contains("2015", verified, StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Booked, (await Bookings.Read(app, id)).Status);

        var confirmed = await (await Post(client, "/Officer/CheckIn?handler=Confirm&lang=en", verified, new() { ["pass"] = token })).Content.ReadAsStringAsync(Ct);

        Assert.Contains("Checked in", confirmed, StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.CheckedIn, (await Bookings.Read(app, id)).Status);

        var again = await (await Post(client, "/Officer/CheckIn?handler=Confirm&lang=en", confirmed, new() { ["pass"] = token })).Content.ReadAsStringAsync(Ct);
        Assert.Contains("already used at San Ysidro (2504) on 2026-11-29 07:00", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applicants_are_not_let_into_the_check_in_page()
    {
        await using var app = new PuenteApp();
        var client = await SignIn(app, Bookings.Applicant);
        var response = await client.GetAsync("/Officer/CheckIn", Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.RequestMessage!.RequestUri!.AbsolutePath == "/Account/Denied",
            $"{response.StatusCode} at {response.RequestMessage!.RequestUri}");
    }

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)""")]
    private static partial Regex AntiforgeryField();
}
