using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Registration;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Accounts;
using Puente.Web.Pathways.CheckIns;

using Puente.Api.Tests.Pathways.Appointments;
using Puente.Api.Tests.Pathways.Passes;

namespace Puente.Api.Tests.Pathways.CheckIns;

public sealed class CheckInApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_officer_checks_in_a_valid_pass_on_its_day_at_their_port()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app, slot: "08:30");
        var token = await Bookings.Token(app, id);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 16, 25, 0, TimeSpan.Zero)); // 08:25 in San Ysidro

        var response = await Bookings.CheckIn(await app.ClientFor(Bookings.Officer), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var admitted = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("08:30", admitted.GetProperty("slot").GetString());
        Assert.Equal(2, admitted.GetProperty("groupSize").GetInt32());
        Assert.Equal("checkedIn", admitted.GetProperty("status").GetString());
        Assert.Equal(
            ["MG 1988", "JG 2015"],
            admitted.GetProperty("travellers").EnumerateArray().Select(t => $"{t.GetProperty("initials").GetString()} {t.GetProperty("birthYear").GetInt32()}"));
        var stored = await Bookings.Read(app, id);
        Assert.Equal(AppointmentStatus.CheckedIn, stored.Status);
        Assert.Equal(app.Clock.GetUtcNow(), stored.CheckedInAt);
        Assert.False(string.IsNullOrEmpty(stored.CheckedInBy));
    }

    [Fact]
    public async Task Verifying_shows_the_travellers_without_using_the_pass()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var token = await Bookings.Token(app, id);
        var officer = await app.ClientFor(Bookings.Officer);

        var verify = await Bookings.CheckIn(officer, token, "/api/checkins/verify");

        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        Assert.Equal("booked", (await verify.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.Equal(AppointmentStatus.Booked, (await Bookings.Read(app, id)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Bookings.CheckIn(officer, token)).StatusCode);
    }

    [Fact]
    public async Task Second_checkin_of_the_same_pass_is_rejected_saying_when_and_where_it_was_used()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var token = await Bookings.Token(app, id);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 16, 5, 0, TimeSpan.Zero));
        var officer = await app.ClientFor(Bookings.Officer);
        await Bookings.CheckIn(officer, token);
        app.Clock.Advance(TimeSpan.FromMinutes(40));

        var again = await Bookings.CheckIn(officer, token);

        var detail = await Bookings.AssertProblem(again, 409);
        Assert.Contains("San Ysidro", detail, StringComparison.Ordinal);
        // The port's wall clock in the reader's words, not an ISO stamp: 16:05 UTC is 8:05 in the morning in Tijuana.
        Assert.Contains("ya se usó en San Ysidro (2504) el domingo 29 de noviembre, 8:05 a. m., hora del Pacífico.", detail, StringComparison.Ordinal);
        var verify = await Bookings.CheckIn(officer, token, "/api/checkins/verify");
        Assert.Contains("8:05 a. m., hora del Pacífico", await Bookings.AssertProblem(verify, 409), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_simultaneous_checkins_of_one_pass_exactly_one_succeeds()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var token = await Bookings.Token(app, id);
        var officers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.ClientFor(Bookings.Officer)));

        var responses = await Task.WhenAll(officers.Select(o => Bookings.CheckIn(o, token)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_checkin_that_another_officer_completes_between_its_reading_and_its_mark_is_refused_as_already_used()
    {
        var justBefore = new JustBeforeTheCheckInMark();
        await using var app = new PuenteApp(interceptors: [justBefore]);
        var id = await Bookings.Book(app);
        var token = await Bookings.Token(app, id);
        var colleague = await Bookings.AddUser(app, "officer.two@puente.test", Roles.PortOfficer, "2504");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 16, 5, 0, TimeSpan.Zero));
        CheckInPass.Outcome? colleagues = null;
        // The first officer has read the appointment as booked; the colleague's check-in lands before its mark.
        justBefore.Run = async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            colleagues = await scope.ServiceProvider.GetRequiredService<CheckInPass>().Handle(token, colleague, confirm: true, present: null, Ct);
        };

        var response = await Bookings.CheckIn(await app.ClientFor(Bookings.Officer), token);

        Assert.True(justBefore.Ran);
        Assert.IsType<CheckInPass.Admitted>(colleagues);
        var problem = await Bookings.AssertProblemDocument(response, 409);
        Assert.Equal("El pase ya se usó", problem.GetProperty("title").GetString());
        var stored = await Bookings.Read(app, id);
        Assert.Equal(AppointmentStatus.CheckedIn, stored.Status);
        Assert.Equal(colleague, stored.CheckedInBy);
    }

    [Theory]
    [InlineData("payload")]
    [InlineData("signature")]
    [InlineData("forged")]
    [InlineData("garbage")]
    public async Task A_tampered_or_forged_pass_is_a_422_problem(string how)
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var token = await Bookings.Token(app, id);
        var parts = token.Split('.');
        var bad = how switch
        {
            "payload" => $"{parts[0]}.{Flip(parts[1])}.{parts[2]}",
            "signature" => $"{parts[0]}.{parts[1]}.{Flip(parts[2])}",
            "forged" => Forge(parts[0], parts[1]),
            _ => "not a pass at all",
        };

        var response = await Bookings.CheckIn(await app.ClientFor(Bookings.Officer), bad);

        var problem = await Bookings.AssertProblemDocument(response, 422);
        Assert.Equal("La firma del pase no es válida", problem.GetProperty("title").GetString());
        Assert.Equal(AppointmentStatus.Booked, (await Bookings.Read(app, id)).Status);
    }

    [Fact]
    public async Task An_officer_of_another_port_gets_a_403_problem_naming_the_port()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var token = await Bookings.Token(app, id);
        await Bookings.AddUser(app, "officer.otay@puente.test", Roles.PortOfficer, "2506");

        var response = await Bookings.CheckIn(await app.ClientFor("officer.otay@puente.test"), token);

        Assert.Contains("2504", await Bookings.AssertProblem(response, 403), StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Booked, (await Bookings.Read(app, id)).Status);
    }

    [Fact]
    public async Task A_pass_for_another_day_is_a_409_problem_naming_its_date()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app, date: Bookings.Today.AddDays(1));
        var token = await Bookings.Token(app, id);

        var response = await Bookings.CheckIn(await app.ClientFor(Bookings.Officer), token);

        var detail = await Bookings.AssertProblem(response, 409);
        Assert.Contains("2026-11-30", detail, StringComparison.Ordinal);
        Assert.Contains("2026-11-29", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Today_is_the_ports_local_date_even_when_UTC_is_already_tomorrow()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app, slot: "20:00");
        var token = await Bookings.Token(app, id);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 4, 30, 0, TimeSpan.Zero)); // 20:30 on the 29th in San Ysidro

        var response = await Bookings.CheckIn(await app.ClientFor(Bookings.Officer), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Applicants_cannot_check_in_passes()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var token = await Bookings.Token(app, id);

        var response = await Bookings.CheckIn(await app.ClientFor(Bookings.Applicant), token);

        await Bookings.AssertProblem(response, 403);
    }

    [Fact]
    public async Task Anonymous_check_in_is_a_401_problem()
    {
        await using var app = new PuenteApp();
        await Bookings.AssertProblem(await Bookings.CheckIn(app.CreateClient(), "x"), 401);
    }

    [Fact]
    public async Task A_check_in_without_a_pass_is_a_422_problem()
    {
        await using var app = new PuenteApp();
        var officer = await app.ClientFor(Bookings.Officer);
        var response = await officer.PostAsJsonAsync("/api/checkins", new { }, Ct);
        await Bookings.AssertProblem(response, 422);
    }

    private static string Flip(string part) =>
        part[..10] + (part[10] == 'A' ? 'B' : 'A') + part[11..];

    private static string Forge(string header, string payload)
    {
        using var forger = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var signature = forger.SignData(
            System.Text.Encoding.ASCII.GetBytes($"{header}.{payload}"), System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"{header}.{payload}.{System.Buffers.Text.Base64Url.EncodeToString(signature)}";
    }

    /// <summary>Runs <see cref="Run"/> once, just before the statement that marks a pass used.</summary>
    private sealed class JustBeforeTheCheckInMark : DbCommandInterceptor
    {
        private int ran;

        public Func<Task>? Run { get; set; }

        public bool Ran => Volatile.Read(ref ran) == 1;

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Run is not null && IsCheckInMark(command) && Interlocked.Exchange(ref ran, 1) == 0)
            {
                await Run();
            }
            return result;
        }

        private static bool IsCheckInMark(DbCommand command) =>
            command.CommandText.TrimStart().StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            && command.CommandText.Contains("appointments", StringComparison.Ordinal)
            && command.CommandText.Contains("CheckedInBy", StringComparison.Ordinal);
    }
}
