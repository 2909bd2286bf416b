using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Puente.Domain.Ports;
using Puente.Domain.Ports.Status;
using Puente.Web;
using Puente.Web.Accounts;
using Puente.Web.Hosting;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Ports.Closures;
using Puente.Web.Ports.Status;

namespace Puente.Cli.Commands;

/// <summary>Exit codes: 0 done, 2 bad input (unknown port, lane, user, dates or reason).</summary>
internal static class PortsCommands
{
    private const int BadInput = 2;

    public static Command Create() => new("ports", "Ports of entry: lane closures.") { Close() };

    private static Command Close()
    {
        var port = new Option<string>("--port") { Description = "BTS port code, e.g. 2504 (required)." };
        var crossing = new Option<string>("--crossing") { Description = "CBP crossing number, e.g. 250407 (required)." };
        var lane = new Option<string>("--lane") { Description = "commercial, passengerVehicle, pedestrian, rail or bus (required)." };
        var from = new Option<string>("--from") { Description = "First closed date, YYYY-MM-DD (required)." };
        var to = new Option<string>("--to") { Description = "Last closed date, YYYY-MM-DD (required)." };
        var reason = new Option<string>("--reason") { Description = "staffRedeployed, security, maintenance, weather or other.", DefaultValueFactory = _ => "staffRedeployed" };
        var by = new Option<string>("--by") { Description = "E-mail of the Admin or port officer recording the closure (required)." };
        var preview = new Option<bool>("--preview") { Description = "Only count where each group would go; change nothing." };
        var command = new Command("close", "Close a crossing's lane over dates and move every booked appointment it covers.")
        {
            port, crossing, lane, from, to, reason, by, preview,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!Enum.TryParse<LaneType>(parse.GetValue(lane), ignoreCase: true, out var laneType)
                || !Enum.TryParse<LaneReason>(parse.GetValue(reason), ignoreCase: true, out var laneReason))
            {
                await Console.Error.WriteLineAsync("--lane or --reason is not one of the values listed in --help.");
                return BadInput;
            }
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PuenteUser>>();
            if (await users.FindByEmailAsync(parse.GetValue(by) ?? "") is not { } user)
            {
                await Console.Error.WriteLineAsync($"There is no user '{parse.GetValue(by)}'.");
                return BadInput;
            }
            var roles = await users.GetRolesAsync(user);
            var caller = new PortCaller(user.Id, roles.Contains(Roles.Admin));
            var outcome = await scope.ServiceProvider.GetRequiredService<ClosePort>().Handle(
                parse.GetValue(port) ?? "",
                new ClosePort.Command(parse.GetValue(crossing), laneType, IsoDates.Parse(parse.GetValue(from) ?? ""), IsoDates.Parse(parse.GetValue(to) ?? ""), laneReason),
                caller, parse.GetValue(preview), ct);
            switch (outcome)
            {
                case ClosePort.Previewed previewed:
                    Print("Preview (nothing changed)", previewed.Summary.Affected, previewed.Summary.Rebooked, previewed.Summary.Unplaced, previewed.Summary.Destinations);
                    return 0;
                case ClosePort.Closed closed:
                    Print($"Closure {closed.Closure.Id}{(closed.Created ? "" : " (already recorded; run again)")}",
                        closed.Closure.Affected, closed.Closure.Rebooked, closed.Closure.Unplaced, closed.Closure.Destinations);
                    return 0;
                case ClosePort.Invalid invalid:
                    var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
                    foreach (var error in invalid.Errors)
                    {
                        await Console.Error.WriteLineAsync($"{error.Field}: {error.Text(text)}");
                    }
                    return BadInput;
                default:
                    await Console.Error.WriteLineAsync($"There is no port '{parse.GetValue(port)}' that {user.Email} may close.");
                    return BadInput;
            }
        });
        return command;
    }

    private static void Print(string title, int affected, int rebooked, int unplaced, IReadOnlyList<RebookAppointments.Destination> destinations)
    {
        Console.WriteLine($"{title}: {affected} group(s) affected, {rebooked} rebooked, {unplaced} unplaced.");
        foreach (var d in destinations)
        {
            Console.WriteLine($"  {d.Port ?? "unplaced",-8} {d.Rule?.ToString() ?? "",-14} {d.Groups,6} group(s) {d.Persons,6} person(s)");
        }
    }
}
