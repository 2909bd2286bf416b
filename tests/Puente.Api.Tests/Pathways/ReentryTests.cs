using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Database;
using Puente.Web.Features.Draws;
using Puente.Web.Features.Pathways;

namespace Puente.Api.Tests.Pathways;

public sealed class ReentryTests
{
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
            var account = (await scope.ServiceProvider.GetRequiredService<RegisterApplicant>().Handle(new RegisterApplicant.Command(
                $"hopeful{i}@puente.test", null, null, "ht",
                new RegisterApplicant.Person($"Wilda {i}", "Joseph", new DateOnly(1991, 5, 5), "HTI"), []), Ct)).Registered!;
            Assert.IsType<SubmitRequest.Submitted>(await scope.ServiceProvider.GetRequiredService<SubmitRequest>().Handle(account.ApplicantId,
                new SubmitRequest.Command(PathwaysDriver.ServiceDate, ["2504"], account.Travellers.Select(t => t.Id).ToList(), ReenterUntilSelected: i > 0),
                null, Ct));
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
}
