using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Database;
using Puente.Web.Pathways.Draws;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

using Puente.Api.Tests.Pathways.Requests;
using Puente.Domain.Pathways.Requests;

namespace Puente.Api.Tests.Pathways.Requests;

public sealed class ReentryTests
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // San Ysidro offers one place in total, so of three single applicants two are not selected.
    private static readonly Dictionary<string, string?> OnePlace = Enumerable.Range(0, 6)
        .ToDictionary(i => $"Pathways:DefaultSlots:2504:{i}:Capacity", i => (string?)(i == 0 ? "1" : "0"));

    [Fact]
    public async Task Requests_not_selected_that_asked_for_it_are_entered_again_the_next_day_once()
    {
        await using var app = new PuenteApp(demo: false, settings: OnePlace);
        await app.MigrateAsync();
        await new PathwaysDriver(app).Announce();
        for (var i = 0; i < 3; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var account = Assert.IsType<RegisterApplicant.Registered>(await scope.ServiceProvider.GetRequiredService<RegisterApplicant>().Handle(new RegisterApplicant.Command(
                $"hopeful{i}@puente.test", null, null, "ht",
                new RegisterApplicant.Person($"Wilda {(char)('A' + i)}", "Joseph", new DateOnly(1991, 5, 5), "HTI", "passport", "HTI", $"H{i:D7}"), []), Ct)).Account;
            await scope.ServiceProvider.GetRequiredService<VerifyContact>().Confirm(account.ApplicantId, $"hopeful{i}@puente.test", Ct);
            Assert.IsType<SubmitRequest.Submitted>(await scope.ServiceProvider.GetRequiredService<SubmitRequest>().Handle(account.ApplicantId,
                new SubmitRequest.Command(PathwaysDriver.ServiceDate, ["2504"], account.Travellers.Select(t => t.Id).ToList(), ReenterUntilSelected: i > 0),
                null, cancellationToken: Ct));
        }
        app.Clock.SetUtcNow(PathwaysDriver.AfterClose);
        await new PathwaysDriver(app).Draw();

        await using var run = app.Services.CreateAsyncScope();
        var reenter = run.ServiceProvider.GetRequiredService<ReenterNotSelected>();
        var entered = await reenter.Handle(PathwaysDriver.ServiceDate, Ct);
        var again = await reenter.Handle(PathwaysDriver.ServiceDate, Ct);

        var db = run.ServiceProvider.GetRequiredService<PuenteDb>();
        var today = await db.Requests.Where(r => r.ServiceDate == PathwaysDriver.ServiceDate).ToListAsync(Ct);
        var tomorrow = await db.Requests.Where(r => r.ServiceDate == PathwaysDriver.ServiceDate.AddDays(1)).ToListAsync(Ct);
        var expected = today.Where(r => r.Status == RequestStatus.NotSelected && r.ReenterUntilSelected).Select(r => r.ApplicantUserId).Order().ToList();
        Assert.Single(today, r => r.Status == RequestStatus.Selected);
        Assert.Equal(expected.Count, entered);
        Assert.Equal(0, again);
        Assert.Equal(expected, tomorrow.Select(r => r.ApplicantUserId).Order().ToList());
        Assert.All(tomorrow, r => Assert.DoesNotContain(r.Ticket, today.Select(t => t.Ticket)));
        Assert.All(tomorrow, r => Assert.Equal(RequestStatus.Entered, r.Status));
    }

    [Fact]
    public async Task After_a_draw_the_scheduler_enters_the_requests_not_selected_that_asked_for_it_into_the_next_date_once()
    {
        await using var app = new PuenteApp(settings: PathwaysDriver.BackgroundJobs(OnePlace));
        var driver = new PathwaysDriver(app);
        var nextDate = PathwaysDriver.ServiceDate.AddDays(1);
        await app.AdvanceUntil(TimeSpan.Zero, async () => await driver.PublicDraw(PathwaysDriver.ServiceDate) is not null,
            "the first round to announce 1 December");
        var emails = new Dictionary<string, string>();
        for (var i = 0; i < 3; i++)
        {
            var email = $"hopeful{i}@puente.test";
            var (client, registration) = await driver.SignedInApplicant(email, $"Wilda {(char)('A' + i)}", "Joseph");
            var request = new
            {
                serviceDate = "2026-12-01", ports = new[] { "2504" }, travellers = PathwaysDriver.TravellerIds(registration), reenterUntilSelected = i > 0,
            };
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/requests", request, Ct)).StatusCode);
            emails[registration.GetProperty("applicantId").GetString()!] = email;
        }

        app.Clock.SetUtcNow(PathwaysDriver.AfterClose);
        await app.AdvanceUntil(OneMinute, () => driver.IsDrawn(PathwaysDriver.ServiceDate), "the draw for 1 December");
        var drawn = await Requests(app, PathwaysDriver.ServiceDate);
        Assert.Single(drawn, r => r.Status == RequestStatus.Selected);
        var expected = drawn.Where(r => r.Status == RequestStatus.NotSelected && r.ReenterUntilSelected).Select(r => r.ApplicantUserId).Order().ToList();
        await app.AdvanceUntil(OneMinute, async () => (await Requests(app, nextDate)).Count == expected.Count,
            $"{expected.Count} request(s) to be entered again for 2 December");

        var reentered = await Requests(app, nextDate);
        Assert.Equal(expected, reentered.Select(r => r.ApplicantUserId).Order().ToList());
        Assert.All(reentered, r => Assert.Equal(RequestStatus.Entered, r.Status));
        Assert.All(reentered, r => Assert.True(r.ReenterUntilSelected));
        Assert.All(reentered, r => Assert.DoesNotContain(r.Ticket, drawn.Select(d => d.Ticket)));

        // Someone withdraws the entry made for them; later rounds must leave them out.
        var withdrawing = reentered[0];
        var applicant = await app.ClientFor(emails[withdrawing.ApplicantUserId], PathwaysDriver.Password);
        Assert.Equal(HttpStatusCode.NoContent, (await applicant.DeleteAsync($"/api/requests/{withdrawing.Id}", Ct)).StatusCode);
        // A round while 2 December's window is still open (it announces 3 December, due at midnight),
        // then the round that draws 2 December, which starts only once the first has finished.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await app.AdvanceUntil(OneMinute, async () => await driver.PublicDraw(nextDate.AddDays(1)) is not null,
            "a round that announces 3 December");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 11, 5, 0, TimeSpan.Zero));
        await app.AdvanceUntil(OneMinute, () => driver.IsDrawn(nextDate), "the draw for 2 December");

        var later = await Requests(app, nextDate);
        Assert.Equal(expected, later.Select(r => r.ApplicantUserId).Order().ToList());
        Assert.Equal(RequestStatus.Withdrawn, Assert.Single(later, r => r.ApplicantUserId == withdrawing.ApplicantUserId).Status);
        Assert.Equal(expected.Count - 1, (await driver.PublicDraw(nextDate))!.Value.GetProperty("entries").GetInt32());
    }

    private static async Task<List<AppointmentRequestRecord>> Requests(PuenteApp app, DateOnly date)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PuenteDb>().Requests.AsNoTracking()
            .Where(r => r.ServiceDate == date).ToListAsync(Ct);
    }
}
