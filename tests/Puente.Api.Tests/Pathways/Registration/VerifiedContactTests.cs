using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Messaging;
using Puente.Web.Pathways.Registration;

namespace Puente.Api.Tests.Pathways.Registration;

public sealed class VerifiedContactTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registration_by_mobile_number_alone_works_end_to_end_with_the_code_sent_by_text_message()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var anonymous = app.CreateClient();

        // Written the way people write it; stored in E.164.
        var registered = await anonymous.PostAsJsonAsync("/api/applicants", new
        {
            phone = "55 1234 5678",
            password = PathwaysDriver.Password,
            preferredLanguage = "ht",
            applicant = Verification.Adult("Wilner", "Joseph", "1979-01-30", "HT1234567", "HTI"),
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var registration = await registered.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("phone", registration.GetProperty("verification").GetProperty("channel").GetString());
        Assert.Equal("•••5678", registration.GetProperty("verification").GetProperty("sentTo").GetString());

        var message = await Outbox(app).SingleAsync(m => m.Recipient == "+525512345678", Ct);
        Assert.Equal(OutboxChannel.Sms, message.Channel);
        Assert.Contains("Kòd Puente ou se", message.Body, StringComparison.Ordinal);

        var verified = await anonymous.PostAsJsonAsync("/api/applicants/verify",
            new { applicantId = registration.GetProperty("applicantId").GetString(), code = Verification.CodeIn(message.Body) }, Ct);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);

        // Signs in with the number as written anywhere, and asks for an appointment.
        var client = await app.ClientFor("+52 55 1234 5678", PathwaysDriver.Password);
        await driver.Announce();
        var request = await client.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(registration, "2504"), Ct);
        Assert.Equal(HttpStatusCode.Created, request.StatusCode);
    }

    [Fact]
    public async Task An_unverified_account_cannot_ask_for_an_appointment_by_page_or_api()
    {
        await using var app = new PuenteApp();
        var pending = await Verification.RegisterByPage(app, "pending@puente.test");
        await new PathwaysDriver(app).Announce();

        var api = await pending.Client.PostAsJsonAsync("/api/requests",
            new { serviceDate = "2026-12-01", ports = (string[])["2504"], travellers = pending.TravellerIds }, Ct);
        var problem = await Bookings.AssertProblemDocument(api, 403);
        Assert.Equal(ProblemCodes.ContactUnverified, problem.GetProperty("code").GetString());

        var apply = await pending.Page.GetAsync("/Apply", Ct);
        Assert.Equal("/Apply/Verify", apply.Headers.Location?.OriginalString);
        Assert.Equal(0, await Db(app).Requests.CountAsync(Ct));
    }

    [Fact]
    public async Task The_owner_of_an_address_a_stranger_claimed_still_registers_and_verifies_it_and_the_strangers_account_goes()
    {
        await using var app = new PuenteApp();
        var stranger = await Verification.RegisterUnverified(app, "owner@puente.test",
            Verification.Adult("Impostor", "Cualquiera", "1985-05-05", "X9999999"));

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var owner = await Verification.RegisterUnverified(app, "owner@puente.test");
        Assert.NotEqual(stranger, owner);

        // The owner reads their own code (the newest); the stranger's account cannot use it.
        var code = await app.LatestCode("owner@puente.test");
        var wrongAccount = await app.CreateClient().PostAsJsonAsync("/api/applicants/verify", new { applicantId = stranger, code }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongAccount.StatusCode);
        var verified = await app.CreateClient().PostAsJsonAsync("/api/applicants/verify", new { applicantId = owner, code }, Ct);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);

        Assert.False(await Db(app).Users.AnyAsync(u => u.Id == stranger, Ct));
        var client = await app.ClientFor("owner@puente.test", PathwaysDriver.Password);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/applicants/me", Ct);
        Assert.Equal(owner, me.GetProperty("applicantId").GetString());
        Assert.True(me.GetProperty("verified").GetBoolean());

        // Once verified, the address is taken: a new registration with it answers like any other (nobody
        // learns the address has an account), but no code is sent, only a notice to the owner, so the
        // newcomer can never take the address and the owner still signs in.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await app.CreateClient().PostAsJsonAsync("/api/applicants", new
        {
            email = "owner@puente.test", password = PathwaysDriver.Password, applicant = Verification.Adult("Otra", "Vez", "1990-01-01", "Z1"),
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("", await app.LatestCode("owner@puente.test"));
        var newcomer = (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("applicantId").GetString();
        var claim = await app.CreateClient().PostAsJsonAsync("/api/applicants/verify", new { applicantId = newcomer, code }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, claim.StatusCode);
        await app.ClientFor("owner@puente.test", PathwaysDriver.Password);
    }

    [Fact]
    public async Task A_code_allows_five_tries_lasts_fifteen_minutes_and_a_new_one_replaces_it()
    {
        await using var app = new PuenteApp();
        var id = await Verification.RegisterUnverified(app, "tries@puente.test");
        var code = await app.LatestCode("tries@puente.test");
        var wrong = code == "000000" ? "111111" : "000000";
        var anonymous = app.CreateClient();

        for (var left = 4; left >= 1; left--)
        {
            var answer = await Bookings.AssertProblemDocument(
                await anonymous.PostAsJsonAsync("/api/applicants/verify", new { applicantId = id, code = wrong }, Ct), 400);
            Assert.Equal(left, answer.GetProperty("triesLeft").GetInt32());
        }
        await Bookings.AssertProblemDocument(await anonymous.PostAsJsonAsync("/api/applicants/verify", new { applicantId = id, code = wrong }, Ct), 409);
        // The right code no longer helps once the tries are spent.
        await Bookings.AssertProblemDocument(await anonymous.PostAsJsonAsync("/api/applicants/verify", new { applicantId = id, code }, Ct), 409);

        // A new code: not within a minute of the last, then yes; it expires after 15 minutes.
        await Bookings.AssertProblemDocument(await anonymous.PostAsJsonAsync("/api/applicants/resend", new { applicantId = id }, Ct), 429);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/applicants/resend", new { applicantId = id }, Ct)).StatusCode);
        var fresh = await app.LatestCode("tries@puente.test");
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        await Bookings.AssertProblemDocument(await anonymous.PostAsJsonAsync("/api/applicants/verify", new { applicantId = id, code = fresh }, Ct), 410);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/applicants/resend", new { applicantId = id }, Ct)).StatusCode);
        var last = await app.LatestCode("tries@puente.test");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/applicants/verify", new { applicantId = id, code = last }, Ct)).StatusCode);
    }

    [Fact]
    public async Task An_account_left_unverified_for_a_day_is_deleted_with_its_travellers()
    {
        await using var app = new PuenteApp();
        var id = await Verification.RegisterUnverified(app, "late@puente.test");
        var kept = await Verification.RegisterUnverified(app, "kept@puente.test");
        await new PathwaysDriver(app).Verify(kept, "kept@puente.test");

        app.Clock.Advance(TimeSpan.FromHours(24));
        var code = await app.LatestCode("late@puente.test");
        await Bookings.AssertProblemDocument(
            await app.CreateClient().PostAsJsonAsync("/api/applicants/verify", new { applicantId = id, code }, Ct), 404);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ExpireUnverifiedAccounts>().Handle(Ct));
        }
        Assert.False(await Db(app).Users.AnyAsync(u => u.Id == id, Ct));
        Assert.False(await Db(app).Travellers.AnyAsync(t => t.ApplicantUserId == id, Ct));
        Assert.True(await Db(app).Users.AnyAsync(u => u.Id == kept, Ct));
    }

    private static PuenteDb Db(PuenteApp app) => app.Services.CreateScope().ServiceProvider.GetRequiredService<PuenteDb>();

    private static IQueryable<OutboxMessageRecord> Outbox(PuenteApp app) => Db(app).Outbox.AsNoTracking();
}
