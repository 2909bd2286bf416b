using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Pathways.Requests;
using Puente.Web.Pathways.Draws;

namespace Puente.Cli.Commands;

internal static class DrawCommands
{
    public static Command Create() => new("draw", "The daily draw: announce, run, verify.")
    {
        Announce(),
        Run(),
        Verify(),
    };

    public static Option<DateOnly> DateOption() => new("--date")
    {
        Description = "Service date, YYYY-MM-DD.",
        Required = true,
        CustomParser = result => Puente.Web.Hosting.IsoDates.Parse(result.Tokens.Single().Value) is { } date
            ? date
            : ParseError(result, $"'{result.Tokens.Single().Value}' is not a date in the form YYYY-MM-DD between {string.Join(" and ", Puente.Web.Hosting.IsoDates.Range)}."),
    };

    private static DateOnly ParseError(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }

    private static Command Announce()
    {
        var date = DateOption();
        var command = new Command("announce", "Freeze a date's schedule and publish the commitment now.") { date };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            switch (await scope.ServiceProvider.GetRequiredService<AnnounceDraw>().Handle(parse.GetValue(date), ct))
            {
                case AnnounceDraw.Announced { Day: var day }:
                    Console.WriteLine($"Announced {day.ServiceDate:yyyy-MM-dd}: window {day.OpensAt:u} – {day.ClosesAt:u}.");
                    Console.WriteLine(day.Announcement);
                    return 0;
                default:
                    await Console.Error.WriteLineAsync(
                        $"No port has capacity on {parse.GetValue(date):yyyy-MM-dd}: configure Pathways:DefaultSlots or set slots with `puente capacity set`.");
                    return 1;
            }
        });
        return command;
    }

    private static Command Run()
    {
        var date = DateOption();
        var command = new Command("run", "Run a date's draw (once its window has closed). Running it again changes nothing.") { date };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<RunDraw>().Handle(parse.GetValue(date), ct);
            switch (outcome)
            {
                case RunDraw.Drawn drawn:
                    Console.WriteLine(drawn.RanNow ? $"Draw for {drawn.ServiceDate:yyyy-MM-dd} ran." : $"Draw for {drawn.ServiceDate:yyyy-MM-dd} had already run; nothing changed.");
                    if (drawn.RanNow)
                    {
                        var reentered = await scope.ServiceProvider.GetRequiredService<ReenterNotSelected>().Handle(drawn.ServiceDate, ct);
                        Console.WriteLine($"{reentered} request(s) entered again for the next day.");
                    }
                    return 0;
                case RunDraw.WindowStillOpen open:
                    await Console.Error.WriteLineAsync($"The request window for {open.ServiceDate:yyyy-MM-dd} is open until {open.ClosesAt:u}.");
                    return 1;
                case RunDraw.AwaitingBeacon awaiting:
                    await Console.Error.WriteLineAsync(
                        $"The draw for {awaiting.ServiceDate:yyyy-MM-dd} waits for drand round {awaiting.Round.Round} of chain {awaiting.Round.ChainHash}, " +
                        $"published {awaiting.RoundAt:u}; if the relay cannot give it by {awaiting.GivesUpAt:u}, the draw runs without it and says so.");
                    return 1;
                default:
                    await Console.Error.WriteLineAsync($"No draw has been announced for {parse.GetValue(date):yyyy-MM-dd}.");
                    return 1;
            }
        });
        return command;
    }

    /// <summary>What the verifier cannot check alone: that drand really published the round used, or really could not.</summary>
    private static string? BeaconNote(DrawBeaconReport? beacon) => beacon switch
    {
        { Status: DrawBeaconStatus.Used } => $"Beacon: drand round {beacon.Round} of chain {beacon.ChainHash} was used, randomness {beacon.Randomness}; " +
            $"compare with https://api.drand.sh/{beacon.ChainHash}/public/{beacon.Round} (or any drand relay).",
        { Status: DrawBeaconStatus.Unavailable } => $"Beacon: the announced drand round {beacon.Round} of chain {beacon.ChainHash} was NOT used ({beacon.Reason}); " +
            $"the draw ran with an empty beacon. Check whether https://api.drand.sh/{beacon.ChainHash}/public/{beacon.Round} was really unavailable.",
        { Status: DrawBeaconStatus.NotConfigured } => "Beacon: none was configured; the draw depends on the committed secret alone.",
        _ => null,
    };

    private static Command Verify()
    {
        var source = new Argument<string>("bundle") { Description = "A bundle file, or its URL (…/api/draws/{date}/bundle)." };
        var command = new Command("verify", "Recompute a published draw bundle; exits 1 naming every difference.") { source };
        command.SetAction(async (parse, ct) =>
        {
            var location = parse.GetValue(source)!;
            string json;
            try
            {
                json = Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                    ? await new HttpClient().GetStringAsync(uri, ct)
                    : await File.ReadAllTextAsync(location, ct);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"Cannot read {location}: {e.Message}");
                return 2;
            }
            var parsed = DrawBundleJson.Parse(json);
            if (parsed.Bundle is not { } bundle)
            {
                await Console.Error.WriteLineAsync($"Not a draw bundle: {parsed.Error}");
                return 2;
            }
            var differences = DrawBundleVerifier.Verify(bundle);
            if (differences.Count == 0)
            {
                Console.WriteLine($"OK: draw {bundle.Announcement.ServiceDate:yyyy-MM-dd}, {bundle.Entries.Count} entries, {bundle.Results?.Count ?? 0} selected; every digest and result recomputes.");
                if (BeaconNote(bundle.Beacon) is { } note)
                {
                    Console.WriteLine(note);
                }
                return 0;
            }
            foreach (var difference in differences)
            {
                Console.WriteLine(difference);
            }
            return 1;
        });
        return command;
    }
}
