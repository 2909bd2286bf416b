using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways.Appointments;

namespace Puente.Api.Tests.Pathways.Appointments;

public sealed class CancelConfirmationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_pass_page_links_to_a_confirmation_that_cancels_nothing_until_yes_is_posted()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var pages = await PageForms.SignIn(app, Bookings.Applicant);

        var passPage = await pages.GetStringAsync("/Appointments?lang=en", Ct);
        Assert.Contains($"href=\"/Appointments/{id}/Cancel\"", passPage, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Cancel", passPage, StringComparison.Ordinal);

        var confirmation = await pages.GetStringAsync($"/Appointments/{id}/Cancel?lang=en", Ct);

        Assert.Contains("The place goes to another family.", confirmation, StringComparison.Ordinal);
        Assert.Contains("It cannot be undone.", confirmation, StringComparison.Ordinal);
        Assert.Contains("The pass stops working", confirmation, StringComparison.Ordinal);
        Assert.Contains("Yes, cancel the appointment", confirmation, StringComparison.Ordinal);
        Assert.Contains("Keep my appointment", confirmation, StringComparison.Ordinal);
        // Reading the confirmation changes nothing: the appointment is booked and its pass still served.
        Assert.Equal(AppointmentStatus.Booked, (await Bookings.Read(app, id)).Status);
        Assert.False(string.IsNullOrEmpty(await Bookings.Token(app, id)));

        var yes = await PageForms.Post(pages, $"/Appointments/{id}/Cancel?lang=en", confirmation, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, yes.StatusCode);
        Assert.Equal("/Appointments", yes.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("role=\"status\"", await yes.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Cancelled, (await Bookings.Read(app, id)).Status);
        // The pass is no longer shown, and the port refuses it as cancelled.
        Assert.DoesNotContain("data:image/png", await pages.GetStringAsync("/Appointments", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancel_post_without_the_antiforgery_token_is_refused_and_the_appointment_stays()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var pages = await PageForms.SignIn(app, Bookings.Applicant);

        var forged = await pages.PostAsync($"/Appointments/{id}/Cancel", new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(AppointmentStatus.Booked, (await Bookings.Read(app, id)).Status);
    }

    [Fact]
    public async Task Another_applicants_confirmation_page_does_not_exist_and_a_cancelled_one_says_it_cannot_be_cancelled_again()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        await Bookings.AddUser(app, "other.applicant@puente.test", Puente.Web.Accounts.Roles.Applicant);
        var other = await PageForms.SignIn(app, "other.applicant@puente.test");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Appointments/{id}/Cancel", Ct)).StatusCode);

        var cancelled = await Bookings.Book(app, slot: "09:00", status: AppointmentStatus.Cancelled,
            travellers: [new("Ana", "Pierre", new DateOnly(1990, 1, 1))]);
        var pages = await PageForms.SignIn(app, Bookings.Applicant);
        var page = await pages.GetStringAsync($"/Appointments/{cancelled}/Cancel?lang=en", Ct);

        Assert.DoesNotContain("Yes, cancel the appointment", page, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", page, StringComparison.Ordinal);
    }
}
