using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Database;

namespace Puente.Api.Tests.Ports.WaitTimes;

public sealed class WaitTimesPollerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_poller_fetches_the_configured_feed_every_period_and_archives_each_response()
    {
        // A stand-in for CBP on the loopback interface, serving the XML fixture.
        var xml = await File.ReadAllTextAsync(TestFiles.Fixture("Ports/bwt.xml"), Ct);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var cbp = builder.Build();
        cbp.MapGet("/bwt.xml", () => Results.Text(xml, "application/xml"));
        await cbp.StartAsync(Ct);
        var url = cbp.Urls.First() + "/bwt.xml";

        var database = TestDatabase.Create();
        var migrate = await PuenteCli.Invoke(database, "db", "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Error);
        await using var app = new PuenteApp(demo: false, database: database, settings: new Dictionary<string, string?>
        {
            ["BackgroundJobs:Enabled"] = "true",
            ["WaitTimes:PollUrl"] = url,
            ["WaitTimes:PollMinutes"] = "60",
        });

        await app.AdvanceUntil(TimeSpan.FromMinutes(60), async () => await Polls(app) >= 3, "three polls of the feed");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var polls = await db.WaitPolls.Select(p => new { p.Source, p.Body, p.Format }).ToListAsync(Ct);
        Assert.All(polls, p => Assert.Equal((url, xml, "xml"), (p.Source, p.Body, p.Format)));
        // Nine lane readings a poll: five at San Ysidro (blank FAST and Ready lanes are not kept), one at each other crossing.
        Assert.Equal(polls.Count * 9, await db.WaitObservations.CountAsync(Ct));
    }

    private static async Task<int> Polls(PuenteApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PuenteDb>().WaitPolls.CountAsync(Ct);
    }
}
