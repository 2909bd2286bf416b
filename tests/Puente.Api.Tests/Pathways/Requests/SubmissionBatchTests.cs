using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Database;
using Puente.Web.Pathways.Requests;
using InsertQueue = Puente.Web.Database.BatchQueue<Puente.Web.Pathways.Requests.AppointmentRequestRecord, bool>;
using ReadQueue = Puente.Web.Database.BatchQueue<Puente.Web.Pathways.Requests.SubmissionBatches.Question, Puente.Web.Pathways.Requests.SubmissionBatches.Found?>;

namespace Puente.Api.Tests.Pathways.Requests;

/// <summary>
/// Submissions that arrive together share their reads and their insert (<see cref="SubmissionBatches"/>); sharing
/// must never let one applicant see another's rows or cost another their request.
/// </summary>
public sealed class SubmissionBatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string[] TwoPorts = ["2504", "2304"];

    [Fact]
    public async Task A_shared_read_gives_each_submission_only_its_own_accounts_travellers_and_keys()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var (first, firstRegistration) = await driver.SignedInApplicant("first@puente.test");
        var (_, secondRegistration) = await driver.SignedInApplicant("second@puente.test", "Rosa", "Lima");
        await driver.Announce();
        using var keyed = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = JsonContent.Create(PathwaysDriver.RequestBody(firstRegistration, "2504")) };
        keyed.Headers.Add("Idempotency-Key", "shared-key");
        Assert.Equal(HttpStatusCode.Created, (await first.SendAsync(keyed, Ct)).StatusCode);
        var firstTravellers = PathwaysDriver.TravellerIds(firstRegistration).ToList();
        var secondTravellers = PathwaysDriver.TravellerIds(secondRegistration).ToList();

        // The first account asks about the second's traveller too, and both use the key only the first has used.
        var asks = new[]
        {
            new ReadQueue.Pending(new(firstRegistration.GetProperty("applicantId").GetString()!, PathwaysDriver.ServiceDate, "shared-key",
                [.. firstTravellers, .. secondTravellers])),
            new ReadQueue.Pending(new(secondRegistration.GetProperty("applicantId").GetString()!, PathwaysDriver.ServiceDate, "shared-key",
                secondTravellers)),
            new ReadQueue.Pending(new("no-such-account", PathwaysDriver.ServiceDate, null, secondTravellers)),
        };
        await app.Services.GetRequiredService<SubmissionBatches>().ReadBatch(asks, Ct);

        var firstFound = Assert.IsType<SubmissionBatches.Found>(await asks[0].Answered);
        Assert.Equal(firstTravellers.Order(), firstFound.Travellers.Select(t => t.TravellerId).Order());
        Assert.True(firstFound.Earlier);
        Assert.True(firstFound.Verified);
        Assert.NotNull(firstFound.DayStamp);
        var secondFound = Assert.IsType<SubmissionBatches.Found>(await asks[1].Answered);
        Assert.Equal(secondTravellers.Order(), secondFound.Travellers.Select(t => t.TravellerId).Order());
        Assert.False(secondFound.Earlier);
        Assert.Null(await asks[2].Answered);
    }

    [Fact]
    public async Task One_refused_request_in_a_shared_insert_is_answered_alone_and_the_others_are_stored()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var registrations = new List<JsonElement>();
        foreach (var (email, family) in new[] { ("a@puente.test", "Pérez"), ("b@puente.test", "Désir"), ("c@puente.test", "Ortega") })
        {
            registrations.Add((await driver.SignedInApplicant(email, "Ana", family)).Registration);
        }
        await driver.Announce();
        // The second applicant already has a standing request for the date.
        var second = await app.ClientFor("b@puente.test", PathwaysDriver.Password);
        Assert.Equal(HttpStatusCode.Created, (await second.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(registrations[1], "2304"), Ct)).StatusCode);

        var inserts = new List<InsertQueue.Pending>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
            foreach (var registration in registrations)
            {
                var userId = registration.GetProperty("applicantId").GetString()!;
                var travellers = await db.Travellers.Where(t => t.ApplicantUserId == userId)
                    .Select(t => new EnteredTraveller(t.Id, t.EntryKey, t.NamesKey)).ToListAsync(Ct);
                var registeredOn = await db.Applicants.Where(a => a.UserId == userId).Select(a => a.RegisteredOn).SingleAsync(Ct);
                inserts.Add(new(AppointmentRequestRecord.Enter(userId, PathwaysDriver.ServiceDate, registeredOn, "2504", travellers, false, app.Clock.GetUtcNow())));
            }
        }
        await app.Services.GetRequiredService<SubmissionBatches>().InsertBatch(inserts, Ct);

        Assert.True(await inserts[0].Answered);
        await Assert.ThrowsAsync<DbUpdateException>(() => inserts[1].Answered);
        Assert.True(await inserts[2].Answered);
        await using var check = app.Services.CreateAsyncScope();
        var stored = check.ServiceProvider.GetRequiredService<PuenteDb>();
        var requests = await stored.Requests.Where(r => r.ServiceDate == PathwaysDriver.ServiceDate).Select(r => new { r.Id, r.ApplicantUserId, r.Ports }).ToListAsync(Ct);
        Assert.Equal(3, requests.Count);
        Assert.Contains(requests, r => r.Id == inserts[0].Item.Id);
        Assert.Contains(requests, r => r.Id == inserts[2].Item.Id);
        Assert.DoesNotContain(requests, r => r.Id == inserts[1].Item.Id);
        Assert.Equal("2304", requests.Single(r => r.ApplicantUserId == inserts[1].Item.ApplicantUserId).Ports);
        var ids = requests.Select(r => r.Id).ToList();
        Assert.Equal(3, await stored.RequestTravellers.CountAsync(t => ids.Contains(t.RequestId), Ct));
        Assert.Equal(0, await stored.RequestTravellers.CountAsync(t => t.RequestId == inserts[1].Item.Id, Ct));
    }

    [Fact]
    public async Task Many_applicants_submitting_at_once_twice_each_get_one_request_and_one_conflict()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        string[] families = ["Pérez", "López", "Désir", "Nuñez", "Marín", "Joseph", "Castillo", "Ortega", "Lima", "Romero"];
        var applicants = new List<(HttpClient Client, JsonElement Registration)>();
        foreach (var (family, i) in families.Select((f, i) => (f, i)))
        {
            applicants.Add(await driver.SignedInApplicant($"together{i}@puente.test", "Ana", family));
        }
        await driver.Announce();

        var responses = await Task.WhenAll(applicants.SelectMany(a => TwoPorts.Select(port =>
            a.Client.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(a.Registration, port), Ct))));

        foreach (var pair in responses.Chunk(2))
        {
            Assert.Single(pair, r => r.StatusCode == HttpStatusCode.Created);
            Assert.Single(pair, r => r.StatusCode == HttpStatusCode.Conflict);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        Assert.Equal(families.Length, await db.Requests.CountAsync(r => r.ServiceDate == PathwaysDriver.ServiceDate, Ct));
    }
}
