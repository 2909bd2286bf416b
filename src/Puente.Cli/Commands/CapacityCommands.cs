using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Puente.Web;
using Puente.Web.Pathways.Capacity;
using Puente.Web.Pathways.Draws;

namespace Puente.Cli.Commands;

/// <summary>Exit codes: 0 done, 1 the date is frozen (already announced), 2 bad input.</summary>
internal static class CapacityCommands
{
    private const int Frozen = 1;
    private const int BadInput = 2;

    public static Command Create() => new("capacity", "A port's slots and capacity on one date; frozen once the date's draw is announced.")
    {
        Show(),
        Set(),
        Reset(),
    };

    // Checked in the action rather than by the parser, so that every bad input exits with 2.
    private static Option<string> PortOption() => new("--port") { Description = "BTS port code, e.g. 2504 (required)." };

    private static Option<string> DateOption() => new("--date") { Description = "Service date, YYYY-MM-DD (required)." };

    private static Command Show()
    {
        var (port, date) = (PortOption(), DateOption());
        var command = new Command("show", "Print a port's slots on a date and where they come from.") { port, date };
        command.SetAction(async (parse, ct) =>
        {
            if (await Target(parse.GetValue(port), parse.GetValue(date)) is not var (code, serviceDate))
            {
                return BadInput;
            }
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<GetSchedule>().Handle(code, serviceDate, ct) is not { } schedule)
            {
                await Console.Error.WriteLineAsync($"There is no port of entry with BTS code '{code}'.");
                return BadInput;
            }
            Print(schedule);
            return 0;
        });
        return command;
    }

    private static Command Set()
    {
        var (port, date) = (PortOption(), DateOption());
        var slot = new Option<string[]>("--slot") { Description = "A slot as HH:MM=CAPACITY, e.g. 08:00=20; repeat for each slot (required)." };
        var command = new Command("set", "Replace a port's slots on a date.") { port, date, slot };
        command.SetAction(async (parse, ct) =>
        {
            if (await Target(parse.GetValue(port), parse.GetValue(date)) is not var (code, serviceDate))
            {
                return BadInput;
            }
            var slots = new List<SetSchedule.SlotInput>();
            foreach (var value in parse.GetValue(slot) ?? [])
            {
                var parts = value.Split('=', 2);
                if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var capacity))
                {
                    await Console.Error.WriteLineAsync($"'{value}' is not a slot; write HH:MM=CAPACITY, e.g. 08:00=20.");
                    return BadInput;
                }
                slots.Add(new SetSchedule.SlotInput(parts[0], capacity));
            }
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<SetSchedule>().Handle(code, serviceDate, new SetSchedule.Command(slots), Puente.Web.Audit.AuditLog.System, ct);
            return await Report(scope.ServiceProvider, outcome);
        });
        return command;
    }

    private static Command Reset()
    {
        var (port, date) = (PortOption(), DateOption());
        var command = new Command("reset", "Drop a port's overrides on a date so the configured template applies again.") { port, date };
        command.SetAction(async (parse, ct) =>
        {
            if (await Target(parse.GetValue(port), parse.GetValue(date)) is not var (code, serviceDate))
            {
                return BadInput;
            }
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            return await Report(scope.ServiceProvider, await scope.ServiceProvider.GetRequiredService<ResetSchedule>().Handle(code, serviceDate, Puente.Web.Audit.AuditLog.System, ct));
        });
        return command;
    }

    private static async Task<(string Port, DateOnly Date)?> Target(string? port, string? date)
    {
        if (string.IsNullOrWhiteSpace(port))
        {
            await Console.Error.WriteLineAsync("Give the port with --port, e.g. --port 2504.");
            return null;
        }
        if (date is null || Puente.Web.Hosting.IsoDates.Parse(date) is not { } serviceDate)
        {
            await Console.Error.WriteLineAsync(date is null
                ? "Give the service date with --date, e.g. --date 2026-12-03."
                : $"'{date}' is not a date in the form YYYY-MM-DD between {string.Join(" and ", Puente.Web.Hosting.IsoDates.Range)}.");
            return null;
        }
        return (port.Trim(), serviceDate);
    }

    private static async Task<int> Report(IServiceProvider services, ScheduleChange.Outcome outcome)
    {
        switch (outcome)
        {
            case ScheduleChange.Changed changed:
                Print(changed.Schedule);
                return 0;
            case ScheduleChange.Frozen frozen:
                await Console.Error.WriteLineAsync(
                    $"The schedule for {frozen.ServiceDate:yyyy-MM-dd} was frozen when its draw was announced (request window opening {frozen.WindowOpensAt:yyyy-MM-dd HH:mm} UTC); it can no longer change.");
                return Frozen;
            case ScheduleChange.PortNotFound missing:
                await Console.Error.WriteLineAsync($"There is no port of entry with BTS code '{missing.Port}'.");
                return BadInput;
            case ScheduleChange.Invalid invalid:
                var text = services.GetRequiredService<IStringLocalizer<SharedResource>>();
                foreach (var error in invalid.Errors)
                {
                    // slots[i] is the i-th --slot option, counted from 1 for people.
                    var field = error.Field;
                    var name = field.StartsWith("slots[", StringComparison.Ordinal)
                        ? $"--slot #{int.Parse(field[6..field.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture) + 1}"
                        : field == "slots" ? "--slot" : $"--{field}";
                    await Console.Error.WriteLineAsync($"{name}: {error.Text(text)}");
                }
                return BadInput;
            default:
                throw new InvalidOperationException($"Unexpected outcome {outcome}.");
        }
    }

    private static void Print(GetSchedule.Schedule schedule)
    {
        var state = schedule.Frozen
            ? $"frozen (announced; window opens {schedule.Announcement!.WindowOpensAt:yyyy-MM-dd HH:mm} UTC)"
            : "open to change";
        Console.WriteLine($"Port {schedule.Port} on {schedule.ServiceDate:yyyy-MM-dd}: {schedule.Source.ToString().ToLowerInvariant()}, {state}.");
        foreach (var slot in schedule.Slots)
        {
            Console.WriteLine($"  {slot.Start}  {slot.Capacity}");
        }
        Console.WriteLine($"  total {schedule.Slots.Sum(s => s.Capacity)} persons in {schedule.Slots.Count} slot(s)");
    }
}
