using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Pathways.Draws;

namespace Puente.Api.Tests.Pathways.Draws;

/// <summary>
/// The draw and a public randomness beacon, against a real HTTP relay on loopback serving recorded
/// drand rounds. The clock is in September 2023, when the recorded quicknet round 657413 was
/// published (see Drand/README.md): the window for 2023-09-16 closes at 2023-09-15 11:00:00 UTC, and
/// 657413, at 11:00:03, is the first round after it.
/// </summary>
public sealed class BeaconDrawTests
{
    private const long Round = 657413;
    private static readonly DateOnly Day = new(2023, 9, 16);
    private static readonly DateTimeOffset BeforeWindowOpens = new(2023, 9, 14, 11, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset InsideWindow = new(2023, 9, 14, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WindowCloses = new(2023, 9, 15, 11, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RoundPublished = new(2023, 9, 15, 11, 0, 3, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Beacon(DrandRelay relay, IReadOnlyDictionary<string, string?>? more = null) =>
        new(more ?? new Dictionary<string, string?>())
        {
            ["Beacon:BaseUrl"] = relay.BaseUrl,
            ["Beacon:ChainHash"] = DrandRelay.Quicknet,
            ["Beacon:GenesisTime"] = "1692803367",
            ["Beacon:PeriodSeconds"] = "3",
            ["Beacon:MarginSeconds"] = "0",
            ["Beacon:DeadlineMinutes"] = "30",
        };

    private static async Task<PuenteApp> App(DrandRelay relay, DateTimeOffset start, IReadOnlyDictionary<string, string?>? more = null)
    {
        var app = new PuenteApp(demo: false, settings: Beacon(relay, more), start: start);
        await app.MigrateAsync();
        return app;
    }

    [Fact]
    public async Task An_announcement_made_before_the_window_opens_names_the_first_round_published_after_it_closes()
    {
        await using var relay = await DrandRelay.Start();
        await using var app = await App(relay, BeforeWindowOpens);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AnnounceDraw>().AnnounceDue(Ct);
        }

        var client = app.CreateClient();
        var summary = await client.GetFromJsonAsync<JsonElement>("/api/draws/2023-09-16", Ct);
        Assert.True(app.Clock.GetUtcNow() < summary.GetProperty("opensAt").GetDateTimeOffset());
        Assert.Equal(WindowCloses, summary.GetProperty("closesAt").GetDateTimeOffset());
        var beacon = summary.GetProperty("beacon");
        Assert.Equal("awaiting", beacon.GetProperty("status").GetString());
        Assert.Equal(Round, beacon.GetProperty("round").GetInt64());
        Assert.Equal(RoundPublished, beacon.GetProperty("roundAt").GetDateTimeOffset());
        var published = await client.GetFromJsonAsync<JsonElement>("/api/draws/2023-09-16/bundle", Ct);
        var named = published.GetProperty("announcement").GetProperty("beacon");
        Assert.Equal(DrandRelay.Quicknet, named.GetProperty("chainHash").GetString());
        Assert.Equal(Round, named.GetProperty("round").GetInt64());
        // Naming a round needs no relay: nothing was asked of it.
        Assert.Empty(relay.Asked);
    }

    [Fact]
    public async Task A_draw_after_the_window_closes_but_before_the_rounds_time_waits_without_asking_the_relay()
    {
        await using var relay = await DrandRelay.Start();
        await using var app = await App(relay, InsideWindow);
        var driver = await AnnouncedWithOneRequest(app);

        app.Clock.SetUtcNow(RoundPublished.AddSeconds(-1));
        var outcome = await driver.Draw(Day);

        var waiting = Assert.IsType<RunDraw.AwaitingBeacon>(outcome);
        Assert.Equal(new DrawBeaconRound(DrandRelay.Quicknet, Round), waiting.Round);
        Assert.Equal(RoundPublished, waiting.RoundAt);
        Assert.Equal(RoundPublished.AddMinutes(30), waiting.GivesUpAt);
        Assert.False(await driver.IsDrawn(Day));
        Assert.Empty(relay.Asked);
        var requests = await (await app.ClientFor("familia.desir@puente.test", PathwaysDriver.Password)).GetFromJsonAsync<JsonElement>("/api/requests", Ct);
        Assert.Equal("entered", Assert.Single(requests.EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_draw_once_the_round_is_published_uses_its_randomness_as_the_beacon_and_publishes_the_round()
    {
        await using var relay = await DrandRelay.Start();
        await using var app = await App(relay, InsideWindow);
        var driver = await AnnouncedWithOneRequest(app);
        await Enter(app, "familia.joseph@puente.test", "Jean", "Joseph");

        app.Clock.SetUtcNow(RoundPublished);
        Assert.Equal(new RunDraw.Drawn(Day, RanNow: true), await driver.Draw(Day));

        Assert.Equal([$"/{DrandRelay.Quicknet}/public/{Round}"], relay.Asked);
        var recorded = DrandBeacon.Parse(DrandRelay.Round(DrandRelay.Quicknet, Round))!;
        var bundle = DrawBundleJson.Parse(await app.CreateClient().GetStringAsync("/api/draws/2023-09-16/bundle", Ct)).Bundle!;
        Assert.Equal(recorded.Randomness, bundle.Reveal!.Beacon);
        Assert.Equal(DrawBeaconReport.Used(new DrawBeaconRound(DrandRelay.Quicknet, Round), recorded), bundle.Beacon);
        var seed = DrawDigests.Seed(Convert.FromHexString(bundle.Reveal.Secret), Day, bundle.EntriesDigest, recorded.Randomness);
        Assert.Equal(Convert.ToHexStringLower(seed), bundle.Seed);
        Assert.Empty(DrawBundleVerifier.Verify(bundle));

        var summary = await driver.PublicDraw(Day);
        Assert.Equal("used", summary!.Value.GetProperty("beacon").GetProperty("status").GetString());
        var page = await app.CreateClient().GetStringAsync("/Draws/2023-09-16?lang=en", Ct);
        // 11:00:03 UTC, read at the ports: 4:00 AM in San Diego (PDT) and on to 6:00 AM Central Time.
        Assert.Contains($"drand round {Round}, published Friday, September 15, 4:00 AM Pacific Time (that is: 4:00 AM Arizona Time; 5:00 AM Mountain Time; 6:00 AM Central Time) after the window closed, was used", page, StringComparison.Ordinal);
        Assert.Contains(recorded.Randomness, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bundle_that_used_the_beacon_verifies_with_the_cli_and_the_independent_python_verifier()
    {
        await using var relay = await DrandRelay.Start();
        await using var app = await App(relay, InsideWindow);
        var driver = await AnnouncedWithOneRequest(app);
        app.Clock.SetUtcNow(RoundPublished.AddMinutes(1));
        Assert.IsType<RunDraw.Drawn>(await driver.Draw(Day));
        var file = Path.Combine(Path.GetTempPath(), $"puente-beacon-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await app.CreateClient().GetStringAsync("/api/draws/2023-09-16/bundle", Ct), Ct);
        try
        {
            var cli = await PuenteCli.Invoke(app.Database, "draw", "verify", file);
            Assert.True(cli.ExitCode == 0, cli.Output + cli.Error);
            Assert.Contains($"Beacon: drand round {Round} of chain {DrandRelay.Quicknet} was used", cli.Output, StringComparison.Ordinal);

            var (exitCode, output) = await Python(file);
            Assert.True(exitCode == 0, output);
            Assert.StartsWith("OK", output, StringComparison.Ordinal);
            Assert.Contains($"https://api.drand.sh/{DrandRelay.Quicknet}/public/{Round}", output, StringComparison.Ordinal);

            // The same file with another beacon value is refused by both.
            var recorded = DrandBeacon.Parse(DrandRelay.Round(DrandRelay.Quicknet, Round))!;
            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, Ct)).Replace(
                $"\"beacon\":\"{recorded.Randomness}\"", $"\"beacon\":\"{new string('0', 64)}\"", StringComparison.Ordinal), Ct);
            var tamperedCli = await PuenteCli.Invoke(app.Database, "draw", "verify", file);
            Assert.Equal(1, tamperedCli.ExitCode);
            Assert.Contains("beacon: reveal.beacon is", tamperedCli.Output, StringComparison.Ordinal);
            var (tamperedExit, tamperedOutput) = await Python(file);
            Assert.Equal(1, tamperedExit);
            Assert.Contains("beacon: reveal.beacon is", tamperedOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task With_the_relay_down_the_draw_waits_until_the_deadline_then_runs_with_an_empty_beacon_and_says_so()
    {
        await using var relay = DrandRelay.Down();
        await using var app = await App(relay, InsideWindow);
        var driver = await AnnouncedWithOneRequest(app);

        app.Clock.SetUtcNow(RoundPublished.AddMinutes(29));
        Assert.IsType<RunDraw.AwaitingBeacon>(await driver.Draw(Day));
        Assert.False(await driver.IsDrawn(Day));

        app.Clock.SetUtcNow(RoundPublished.AddMinutes(30));
        Assert.Equal(new RunDraw.Drawn(Day, RanNow: true), await driver.Draw(Day));

        var bundle = DrawBundleJson.Parse(await app.CreateClient().GetStringAsync("/api/draws/2023-09-16/bundle", Ct)).Bundle!;
        Assert.Equal("", bundle.Reveal!.Beacon);
        Assert.Equal(DrawBeaconReport.Unavailable(new DrawBeaconRound(DrandRelay.Quicknet, Round), DrawBeaconReason.Unreachable), bundle.Beacon);
        Assert.Empty(DrawBundleVerifier.Verify(bundle));
        var beacon = (await driver.PublicDraw(Day))!.Value.GetProperty("beacon");
        Assert.Equal("unavailable", beacon.GetProperty("status").GetString());
        Assert.Equal("unreachable", beacon.GetProperty("reason").GetString());
        var client = app.CreateClient();
        Assert.Contains($"The announced drand round {Round} could not be obtained in time, so the draw ran without a beacon (empty value). Reason: the drand relay did not answer.",
            await client.GetStringAsync("/Draws/2023-09-16?lang=en", Ct), StringComparison.Ordinal);
        Assert.Contains($"La ronda {Round} de drand anunciada no se pudo obtener a tiempo", await client.GetStringAsync("/Draws/2023-09-16?lang=es", Ct), StringComparison.Ordinal);
        Assert.Contains($"Yo pa t ka jwenn wonn drand {Round}", await client.GetStringAsync("/Draws/2023-09-16?lang=ht", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relay_answering_with_a_corrupted_round_is_not_believed_and_past_the_deadline_the_draw_says_the_round_was_invalid()
    {
        var recorded = DrandBeacon.Parse(DrandRelay.Round(DrandRelay.Quicknet, Round))!;
        await using var relay = await DrandRelay.Start(json => json.Replace(recorded.Randomness, new string('7', 64), StringComparison.Ordinal));
        await using var app = await App(relay, InsideWindow);
        var driver = await AnnouncedWithOneRequest(app);

        app.Clock.SetUtcNow(RoundPublished);
        Assert.IsType<RunDraw.AwaitingBeacon>(await driver.Draw(Day));
        app.Clock.SetUtcNow(RoundPublished.AddMinutes(30));
        Assert.IsType<RunDraw.Drawn>(await driver.Draw(Day));

        Assert.Equal(2, relay.Asked.Count);
        var bundle = DrawBundleJson.Parse(await app.CreateClient().GetStringAsync("/api/draws/2023-09-16/bundle", Ct)).Bundle!;
        Assert.Equal("", bundle.Reveal!.Beacon);
        Assert.Equal(DrawBeaconReport.Unavailable(new DrawBeaconRound(DrandRelay.Quicknet, Round), DrawBeaconReason.Invalid), bundle.Beacon);
        Assert.Contains("Reason: the drand relay answered with a malformed round.",
            await app.CreateClient().GetStringAsync("/Draws/2023-09-16?lang=en", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scheduler_waits_for_the_round_and_draws_with_it_once_published()
    {
        await using var relay = await DrandRelay.Start();
        await using var app = await App(relay, InsideWindow, PathwaysDriver.BackgroundJobs());
        var driver = await AnnouncedWithOneRequest(app);

        app.Clock.SetUtcNow(WindowCloses);
        await app.AdvanceUntil(TimeSpan.FromSeconds(1), () => driver.IsDrawn(Day), "the scheduler to draw once the beacon round is published");

        var summary = (await driver.PublicDraw(Day))!.Value;
        Assert.True(summary.GetProperty("drawnAt").GetDateTimeOffset() >= RoundPublished, $"drawn at {summary.GetProperty("drawnAt")}, before the round");
        Assert.Equal("used", summary.GetProperty("beacon").GetProperty("status").GetString());
        Assert.Equal(DrandBeacon.Parse(DrandRelay.Round(DrandRelay.Quicknet, Round))!.Randomness, summary.GetProperty("beacon").GetProperty("randomness").GetString());
    }

    [Fact]
    public async Task Without_a_beacon_configured_the_draw_runs_as_before_and_says_no_beacon_is_configured()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        await driver.Announce();
        var (applicant, registration) = await driver.SignedInApplicant("familia.desir@puente.test");
        Assert.Equal(HttpStatusCode.Created, (await applicant.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(registration, "2504"), Ct)).StatusCode);

        app.Clock.SetUtcNow(PathwaysDriver.AfterClose);
        Assert.Equal(new RunDraw.Drawn(PathwaysDriver.ServiceDate, RanNow: true), await driver.Draw());

        var bundle = DrawBundleJson.Parse(await app.CreateClient().GetStringAsync("/api/draws/2026-12-01/bundle", Ct)).Bundle!;
        Assert.Null(bundle.Announcement.Beacon);
        Assert.Equal("", bundle.Reveal!.Beacon);
        Assert.Equal(DrawBeaconReport.NotConfigured, bundle.Beacon);
        Assert.Empty(DrawBundleVerifier.Verify(bundle));
        Assert.Equal("notConfigured", (await driver.PublicDraw(PathwaysDriver.ServiceDate))!.Value.GetProperty("beacon").GetProperty("status").GetString());
        Assert.Contains("No beacon is configured: the draw depends only on the secret committed before the window opened.",
            await app.CreateClient().GetStringAsync("/Draws/2026-12-01?lang=en", Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Beacon:BaseUrl", "ftp://relay.example")]
    [InlineData("Beacon:ChainHash", "52DB9BA7")]
    [InlineData("Beacon:GenesisTime", "0")]
    [InlineData("Beacon:PeriodSeconds", "0")]
    public async Task A_beacon_configured_with_a_wrong_value_stops_the_host_from_starting(string key, string value)
    {
        await using var relay = DrandRelay.Down();
        var settings = Beacon(relay);
        settings[key] = value;
        await using var app = new PuenteApp(demo: false, settings: settings);

        var error = Record.Exception(() => app.Services);

        Assert.Contains(key, error?.ToString() ?? "the host started", StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_configuration_has_the_beacon_off_and_names_quicknet_exactly_as_drand_publishes_it()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Puente.Web", "appsettings.json")));
        using var info = JsonDocument.Parse(File.ReadAllText(Path.Combine(DrandRelay.Recorded, DrandRelay.Quicknet, "info.json")));
        var beacon = settings.RootElement.GetProperty("Beacon");

        Assert.Equal("", beacon.GetProperty("BaseUrl").GetString());
        Assert.Equal(info.RootElement.GetProperty("hash").GetString(), beacon.GetProperty("ChainHash").GetString());
        Assert.Equal(info.RootElement.GetProperty("genesis_time").GetInt64(), beacon.GetProperty("GenesisTime").GetInt64());
        Assert.Equal(info.RootElement.GetProperty("period").GetInt32(), beacon.GetProperty("PeriodSeconds").GetInt32());
    }

    /// <summary>The day announced (naming its round) and one applicant's request entered in its window.</summary>
    private static async Task<PathwaysDriver> AnnouncedWithOneRequest(PuenteApp app)
    {
        var driver = new PathwaysDriver(app);
        await driver.Announce(Day);
        await Enter(app, "familia.desir@puente.test");
        return driver;
    }

    private static async Task Enter(PuenteApp app, string email, string givenNames = "María José", string familyNames = "Pérez O'Neil")
    {
        var (applicant, registration) = await new PathwaysDriver(app).SignedInApplicant(email, givenNames, familyNames);
        var request = new { serviceDate = "2023-09-16", ports = new[] { "2504" }, travellers = PathwaysDriver.TravellerIds(registration) };
        var response = await applicant.PostAsJsonAsync("/api/requests", request, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<(int ExitCode, string Output)> Python(string bundleFile)
    {
        var python = Prerequisite.Program("python3", "the independent Python verifier cannot be run without it");
        var start = new ProcessStartInfo(python)
        {
            ArgumentList = { Path.Combine(RepositoryPaths.Root, "tools", "verify-draw-bundle.py"), bundleFile },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        var stdout = await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, stdout + await stderr);
    }
}
