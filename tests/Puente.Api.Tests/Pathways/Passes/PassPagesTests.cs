using System.Net;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Registration;
using Puente.Domain.Pathways.Requests;

using Puente.Api.Tests.Pathways.Appointments;
using Puente.Api.Tests.Pathways.CheckIns;

namespace Puente.Api.Tests.Pathways.Passes;

public sealed class PassPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_applicant_sees_a_printable_QR_pass_and_can_cancel_without_JavaScript()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var client = await PageForms.SignIn(app, Bookings.Applicant);

        var page = await client.GetStringAsync("/Appointments?lang=en", Ct);

        Assert.Contains("src=\"data:image/png;base64,", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("MG, born 1988", page, StringComparison.Ordinal);
        Assert.Matches(@"class=""token"">[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+<", page);
        // The one script only lets the page open offline; nothing on it needs JavaScript.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "<script"));

        var confirmation = await client.GetStringAsync($"/Appointments/{id}/Cancel?lang=en", Ct);
        var cancelled = await PageForms.Post(client, $"/Appointments/{id}/Cancel", confirmation, new Dictionary<string, string>());

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
        var client = await PageForms.SignIn(app, Bookings.Officer);
        var page = await client.GetStringAsync("/Officer/CheckIn?lang=en", Ct);
        Assert.Contains("<script src=\"/js/offline-checkin.js", page, StringComparison.Ordinal);
        Assert.Contains("provisional until it is synced", page, StringComparison.Ordinal);

        var verified = await (await PageForms.Post(client, "/Officer/CheckIn?handler=Verify&lang=en", page, new() { ["pass"] = token })).Content.ReadAsStringAsync(Ct);

        // The manifest shows each traveller as registered, not the pass's initials.
        Assert.Contains("María José García López", verified, StringComparison.Ordinal);
        Assert.Contains("2015-07-01", verified, StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Booked, (await Bookings.Read(app, id)).Status);

        // Confirming with nobody ticked admits nobody; the officer ticks each person present.
        var nobody = await (await PageForms.Post(client, "/Officer/CheckIn?handler=Confirm&lang=en", verified, new() { ["pass"] = token })).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Tick each person of the group who is present", nobody, StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Booked, (await Bookings.Read(app, id)).Status);
        var present = System.Text.RegularExpressions.Regex.Matches(verified, "name=\"present\" value=\"([0-9a-f-]{36})\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, present.Count);
        var confirmed = await (await PageForms.Post(client, "/Officer/CheckIn?handler=Confirm&lang=en", verified,
            [new("pass", token), .. present.Select(p => new KeyValuePair<string, string>("present", p))])).Content.ReadAsStringAsync(Ct);

        Assert.Contains("Checked in", confirmed, StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.CheckedIn, (await Bookings.Read(app, id)).Status);

        var again = await (await PageForms.Post(client, "/Officer/CheckIn?handler=Confirm&lang=en", verified,
            [new("pass", token), .. present.Select(p => new KeyValuePair<string, string>("present", p))])).Content.ReadAsStringAsync(Ct);
        Assert.Contains("already used at San Ysidro (2504) on Sunday, November 29, 7:00 AM Pacific Time.", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applicants_are_not_let_into_the_check_in_page()
    {
        await using var app = new PuenteApp();
        var client = await PageForms.SignIn(app, Bookings.Applicant);
        var response = await client.GetAsync("/Officer/CheckIn", Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.RequestMessage!.RequestUri!.AbsolutePath == "/Account/Denied",
            $"{response.StatusCode} at {response.RequestMessage!.RequestUri}");
    }

}
