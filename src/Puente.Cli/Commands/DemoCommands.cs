using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Puente.Web.Database;
using Puente.Web.Demo;
using Puente.Web.Pathways.Draws;

namespace Puente.Cli.Commands;

internal static class DemoCommands
{
    public static Command Create()
    {
        var date = DrawCommands.DateOption();
        var applicants = new Option<int>("--applicants") { Description = "Synthetic applicants to register and enter.", Required = true };
        applicants.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 200_000)
            {
                r.AddError("--applicants must be between 1 and 200000.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Seed for the synthetic applicants (not for the draw).", DefaultValueFactory = _ => 1 };
        var simulate = new Command("simulate", "Run a whole day's cycle on a simulated clock: announce, register, request, close, draw.")
        {
            date, applicants, seed,
        };
        simulate.SetAction(async (parse, ct) =>
        {
            var serviceDate = parse.GetValue(date);
            using var host = CliHost.Build();
            await using (var scope = host.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().Handle(ct);
            }
            var summary = await RunSimulation.Handle(host.Services.GetRequiredService<IConfiguration>(), serviceDate, parse.GetValue(applicants), parse.GetValue(seed), cancellationToken: ct);
            await using var run = host.Services.CreateAsyncScope();
            Console.WriteLine($"Simulated {serviceDate:yyyy-MM-dd}: {summary.Requests} requests for {summary.Persons} people from {summary.Applicants} applicants.");
            if (summary.Draw is not RunDraw.Drawn { RanNow: true })
            {
                await Console.Error.WriteLineAsync($"The draw did not run: {summary.Draw}");
                return 1;
            }
            var draw = await run.ServiceProvider.GetRequiredService<GetDraw>().Summary(serviceDate, ct);
            Console.WriteLine($"Draw: {draw!.Selected} of {draw.Entries} entries selected ({draw.SelectedPersons} of {draw.Persons} people; capacity {draw.Capacity}).");
            Console.WriteLine($"entriesDigest {draw.EntriesDigest}");
            Console.WriteLine($"resultsDigest {draw.ResultsDigest}");
            Console.WriteLine($"Bundle: /api/draws/{serviceDate:yyyy-MM-dd}/bundle");
            return 0;
        });
        return new Command("demo", "Demonstration data.") { simulate };
    }
}
