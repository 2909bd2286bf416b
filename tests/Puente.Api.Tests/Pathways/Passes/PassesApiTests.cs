using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Registration;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Accounts;
using Puente.Web.Pathways.Passes;

using Puente.Api.Tests.Pathways.Appointments;
using Puente.Api.Tests.Pathways.CheckIns;

namespace Puente.Api.Tests.Pathways.Passes;

public sealed class PassesApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement[]> Keys(PuenteApp app) =>
        (await app.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/puente-keys.json", Ct)).GetProperty("keys").EnumerateArray().ToArray();

    private static async Task<string> Rotate(PuenteApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<RotateSigningKey>().Handle(Ct)).ActiveKeyId;
    }

    [Fact]
    public async Task The_key_set_publishes_the_active_key_as_a_public_ES256_JWK()
    {
        await using var app = new PuenteApp();
        var response = await app.CreateClient().GetAsync("/.well-known/puente-keys.json", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("public", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var key = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("keys").EnumerateArray());
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal(43, key.GetProperty("x").GetString()!.Length);
        Assert.Equal(43, key.GetProperty("y").GetString()!.Length);
        Assert.False(key.TryGetProperty("d", out _));
        Assert.Equal(key.GetProperty("kid").GetString(), (await Keys(app)).Single().GetProperty("kid").GetString());
    }

    [Fact]
    public async Task A_rotated_key_stays_published_and_passes_it_signed_still_check_in()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app, date: Bookings.Today.AddDays(1));
        var oldToken = await Bookings.Token(app, id);
        var oldKid = Assert.Single(await Keys(app)).GetProperty("kid").GetString();

        app.Clock.Advance(TimeSpan.FromDays(1));
        var newKid = await Rotate(app);

        Assert.NotEqual(oldKid, newKid);
        Assert.Equal([oldKid, newKid], (await Keys(app)).Select(k => k.GetProperty("kid").GetString()));
        var newToken = await Bookings.Token(app, id);
        Assert.Contains(newKid, System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(newToken.Split('.')[0])), StringComparison.Ordinal);
        var checkIn = await Bookings.CheckIn(await app.ClientFor(Bookings.Officer), oldToken);
        Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);
    }

    [Fact]
    public async Task Showing_a_pass_and_the_key_set_reads_what_is_stored_and_signs_nothing()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);

        // ES256 signatures are randomised: a pass signed on each view would differ every time.
        var first = await Bookings.Token(app, id);
        var page = await (await app.ClientFor(Bookings.Applicant)).GetStringAsync("/Appointments", Ct);
        await Keys(app);

        Assert.Equal(first, await Bookings.Token(app, id));
        Assert.Contains(id.ToString(), page, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Puente.Web.Database.PuenteDb>();
        Assert.Equal(first, (await db.Passes.SingleAsync(p => p.AppointmentId == id, Ct)).Token);
        Assert.Equal(1, await db.SigningKeys.CountAsync(Ct));
    }

    [Fact]
    public async Task The_private_key_is_stored_protected_not_as_plain_PKCS8()
    {
        await using var app = new PuenteApp();
        await Keys(app);
        await using var scope = app.Services.CreateAsyncScope();
        var stored = scope.ServiceProvider.GetRequiredService<Puente.Web.Database.PuenteDb>().SigningKeys.Single();
        Assert.ThrowsAny<Exception>(() =>
        {
            using var key = System.Security.Cryptography.ECDsa.Create();
            key.ImportPkcs8PrivateKey(Convert.FromBase64String(stored.ProtectedPrivateKey), out _);
        });
    }

    [Fact]
    public async Task The_pass_shows_initials_birth_years_and_a_QR_code_of_the_token()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app, slot: "09:30");

        var pass = await Bookings.Pass(await app.ClientFor(Bookings.Applicant), id);

        Assert.Equal("2504", pass.GetProperty("port").GetString());
        Assert.Equal("2026-11-29", pass.GetProperty("serviceDate").GetString());
        Assert.Equal("09:30", pass.GetProperty("slot").GetString());
        Assert.Equal(
            ["MG 1988", "JG 2015"],
            pass.GetProperty("travellers").EnumerateArray().Select(t => $"{t.GetProperty("initials").GetString()} {t.GetProperty("birthYear").GetInt32()}"));
        Assert.Equal(3, pass.GetProperty("token").GetString()!.Split('.').Length);
        Assert.StartsWith("<svg", pass.GetProperty("qrSvg").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(pass.GetProperty("passId").GetString()));
    }

    [Theory]
    [InlineData("maría josé", "garcía", "MG")]
    [InlineData("  élodie ", "  pierre", "ÉP")]
    [InlineData("Jean-Baptiste", "Désir", "JD")]
    public void Initials_are_the_first_letters_of_given_and_family_names_in_capitals(string given, string family, string expected) =>
        Assert.Equal(expected.Normalize(), IssuePasses.Initials(given, family).Normalize());

    [Fact]
    public async Task An_applicant_cannot_read_another_applicants_pass()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        await Bookings.AddUser(app, "other.applicant@puente.test", Roles.Applicant);
        var other = await app.ClientFor("other.applicant@puente.test");

        var response = await other.GetAsync($"/api/appointments/{id}/pass", Ct);

        await Bookings.AssertProblem(response, 404);
        var cancel = await other.PostAsync($"/api/appointments/{id}/cancel", null, Ct);
        await Bookings.AssertProblem(cancel, 404);
        Assert.Equal(AppointmentStatus.Booked, (await Bookings.Read(app, id)).Status);
    }

    [Fact]
    public async Task Applicants_list_only_their_own_appointments()
    {
        await using var app = new PuenteApp();
        var mine = await Bookings.Book(app);
        await Bookings.AddUser(app, "other.applicant@puente.test", Roles.Applicant);
        await Bookings.Book(app, email: "other.applicant@puente.test");

        var list = await (await app.ClientFor(Bookings.Applicant)).GetFromJsonAsync<JsonElement>("/api/appointments", Ct);

        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal(mine, only.GetProperty("id").GetGuid());
        Assert.Equal("booked", only.GetProperty("status").GetString());
        Assert.Equal("San Ysidro", only.GetProperty("portName").GetString());
    }

    [Fact]
    public async Task Officers_cannot_use_the_applicant_api()
    {
        await using var app = new PuenteApp();
        var response = await (await app.ClientFor(Bookings.Officer)).GetAsync("/api/appointments", Ct);
        await Bookings.AssertProblem(response, 403);
    }

    [Fact]
    public async Task Cancelling_a_booked_appointment_then_checking_it_in_is_refused()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var applicant = await app.ClientFor(Bookings.Applicant);
        var token = await Bookings.Token(app, id);

        var cancel = await applicant.PostAsync($"/api/appointments/{id}/cancel", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        var stored = await Bookings.Read(app, id);
        Assert.Equal(AppointmentStatus.Cancelled, stored.Status);
        Assert.Equal(app.Clock.GetUtcNow(), stored.CancelledAt);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var message = await scope.ServiceProvider.GetRequiredService<Puente.Web.Database.PuenteDb>().Outbox.SingleAsync(Ct);
            Assert.Equal(Bookings.Applicant, message.Recipient);
        }
        var detail = await Bookings.AssertProblem(await Bookings.CheckIn(await app.ClientFor(Bookings.Officer), token), 409);
        Assert.Contains("cancelada", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_twice_is_a_409_problem_with_the_reason()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var applicant = await app.ClientFor(Bookings.Applicant);
        await applicant.PostAsync($"/api/appointments/{id}/cancel", null, Ct);

        var again = await applicant.PostAsync($"/api/appointments/{id}/cancel", null, Ct);

        Assert.Equal("La cita ya estaba cancelada.", await Bookings.AssertProblem(again, 409));
    }
}
