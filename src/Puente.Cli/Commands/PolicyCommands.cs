using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Puente.Web;
using Puente.Web.Binational.Scenarios;
using Puente.Web.Binational.Simulator;
using Puente.Web.Hosting;

namespace Puente.Cli.Commands;

/// <summary>Exit codes: 0 done, 2 bad input.</summary>
internal static class PolicyCommands
{
    private const int BadInput = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create() => new("policy", "What a change of capacity or of the priority split would do to waiting times.")
    {
        Simulate(),
        Scenarios(),
    };

    private static Command Scenarios()
    {
        var from = new Option<string>("--from") { Description = "First day of the period, YYYY-MM-DD.", Required = true };
        var to = new Option<string>("--to") { Description = "Last day of the period, YYYY-MM-DD.", Required = true };
        var command = new Command("scenarios", "Compute and store the briefing's policy scenarios for a period (baseline, capacity ×1.5, priority 80%).")
        {
            from, to,
        };
        command.SetAction(async (parse, ct) =>
        {
            var problems = new List<string>();
            var first = Date(parse.GetValue(from), "--from", problems);
            var last = Date(parse.GetValue(to), "--to", problems);
            if (first is not { } periodFrom || last is not { } periodTo)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync(problem);
                }
                return BadInput;
            }
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            switch (await scope.ServiceProvider.GetRequiredService<ComputeScenarios>().Handle(new(periodFrom, periodTo), ct))
            {
                case ComputeScenarios.Computed computed:
                    Console.Out.Write(Invariant($"Computed {computed.Scenarios.Count} scenarios for {IsoDates.Write(periodFrom)} to {IsoDates.Write(periodTo)} (inputs {computed.InputsHash}).\n"));
                    foreach (var s in computed.Scenarios)
                    {
                        Console.Out.Write(Invariant($"{s.Scenario,-13} {s.PlacesPerDay,6} places/day, priority {s.PriorityPercent,3}%: median {Days(s.MedianDays)} days, p90 {Days(s.P90Days)}, within 30 days {s.SelectedWithin30Days:P1}\n"));
                    }
                    return 0;
                case ComputeScenarios.AlreadyComputed already:
                    Console.Out.Write(Invariant($"Already computed for these inputs (inputs {already.InputsHash}).\n"));
                    return 0;
                case ComputeScenarios.Invalid invalid:
                    var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
                    foreach (var error in invalid.Errors)
                    {
                        await Console.Error.WriteLineAsync($"--{error.Field}: {error.Text(text)}");
                    }
                    return BadInput;
                default:
                    throw new InvalidOperationException("Unexpected outcome.");
            }
        });
        return command;
    }

    private static Command Simulate()
    {
        var days = new Option<string>("--days") { Description = "Days to simulate, 1–366 (default 60)." };
        var seed = new Option<string>("--seed") { Description = "Seed of the synthetic population and of each day's draw (default 1)." };
        var start = new Option<string>("--start") { Description = "First service date, YYYY-MM-DD (default: tomorrow, UTC)." };
        var scale = new Option<string>("--capacity-scale") { Description = "Every port's capacity times this, e.g. 2 (default 1)." };
        var priority = new Option<string>("--priority") { Description = "Share of places given by waiting time, 0–100 (default: as configured)." };
        var rate = new Option<string>("--rate") { Description = "New requests per day (default: as recorded, else the default demand)." };
        var reentry = new Option<string>("--reentry") { Description = "Chance, 0–1, that a request not selected enters again the next day." };
        var portCapacity = new Option<string[]>("--port-capacity") { Description = "A port's persons per day as CODE=N, e.g. 2504=400; repeatable." };
        var close = new Option<string[]>("--close") { Description = "A closure as CODE:FROM:TO, e.g. 2603:2026-12-04:2027-01-04; repeatable." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("simulate", "Run the real draw day after day for the baseline and the scenario, and compare waits per cohort.")
        {
            days, seed, start, scale, priority, rate, reentry, portCapacity, close, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var problems = new List<string>();
            var inputs = new RunPolicySimulation.Inputs(
                Days: Int(parse.GetValue(days), "--days", problems) ?? 60,
                Seed: Int(parse.GetValue(seed), "--seed", problems) ?? 1,
                Start: Date(parse.GetValue(start), "--start", problems),
                CapacityScale: Double(parse.GetValue(scale), "--capacity-scale", problems) ?? 1,
                PriorityPercent: Int(parse.GetValue(priority), "--priority", problems),
                Rate: Int(parse.GetValue(rate), "--rate", problems),
                ReentryShare: Double(parse.GetValue(reentry), "--reentry", problems),
                PortCapacities: [.. (parse.GetValue(portCapacity) ?? []).Select(v => PortCapacity(v, problems)).OfType<RunPolicySimulation.PortCapacity>()],
                Closures: [.. (parse.GetValue(close) ?? []).Select(v => Closure(v, problems)).OfType<RunPolicySimulation.PortClosure>()]);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync(problem);
                }
                return BadInput;
            }
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            switch (await scope.ServiceProvider.GetRequiredService<RunPolicySimulation>().Handle(inputs, ct))
            {
                case RunPolicySimulation.Simulated { Result: var result }:
                    Console.Out.Write(parse.GetValue(json) ? JsonSerializer.Serialize(result, Json) + "\n" : Text(result));
                    return 0;
                case RunPolicySimulation.Invalid invalid:
                    var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
                    foreach (var error in invalid.Errors)
                    {
                        await Console.Error.WriteLineAsync($"--{Option(error.Field)}: {error.Text(text)}");
                    }
                    return BadInput;
                default:
                    throw new InvalidOperationException("Unexpected outcome.");
            }
        });
        return command;
    }

    private static string Option(string field) => field switch
    {
        "capacityScale" => "capacity-scale",
        "portCapacity" => "port-capacity",
        _ => field,
    };

    private static string Text(RunPolicySimulation.Result result)
    {
        var report = result.Report;
        var lines = new List<string>
        {
            result.Demand switch
            {
                RunPolicySimulation.DemandSource.Default => "Nothing is recorded yet: the default demand was used.",
                RunPolicySimulation.DemandSource.Rate => "Demand: the rate given.",
                _ => "Demand: as recorded.",
            },
            Invariant($"{report.Days} days from {IsoDates.Write(report.Start)}, seed {report.Seed}: {report.Requests} requests, {result.MeanDailyArrivals} new a day, re-entry share {result.ReentryShare}."),
            Invariant($"Baseline: {result.BaselinePlacesPerDay} places a day, priority {result.BaselinePriorityPercent}%; {report.Baseline.Selected} selected ({report.Baseline.SelectedPersons} persons)."),
            Invariant($"Scenario: {result.ScenarioPlacesPerDay} places a day, priority {result.ScenarioPriorityPercent}%; {report.Scenario.Selected} selected ({report.Scenario.SelectedPersons} persons)."),
            "",
            "month    size port requests | baseline median p90 ≤30d | scenario median p90 ≤30d",
        };
        lines.AddRange(report.Cohorts.Select(c => Invariant(
            $"{c.RegistrationMonth} {c.GroupSize,5} {c.PreferredPort} {c.Requests,8} | {Days(c.Baseline.MedianDays),15} {Days(c.Baseline.P90Days),3} {c.Baseline.SelectedWithin30Days,4:P0} | {Days(c.Scenario.MedianDays),15} {Days(c.Scenario.P90Days),3} {c.Scenario.SelectedWithin30Days,4:P0}")));
        return string.Join('\n', lines) + "\n";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Days(int? days) => days?.ToString(CultureInfo.InvariantCulture) ?? "—";

    private static int? Int(string? value, string name, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        problems.Add($"{name}: '{value}' is not a whole number.");
        return null;
    }

    private static double? Double(string? value, string name, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        problems.Add($"{name}: '{value}' is not a number (use a dot for decimals).");
        return null;
    }

    private static DateOnly? Date(string? value, string name, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }
        var date = IsoDates.Parse(value);
        if (date is null)
        {
            problems.Add($"{name}: '{value}' is not a date in the form YYYY-MM-DD between {string.Join(" and ", IsoDates.Range)}.");
        }
        return date;
    }

    private static RunPolicySimulation.PortCapacity? PortCapacity(string value, List<string> problems)
    {
        var parsed = RunPolicySimulation.PortCapacity.Parse(value);
        if (parsed is null)
        {
            problems.Add($"--port-capacity: '{value}' is not CODE=N, e.g. 2504=400.");
        }
        return parsed;
    }

    private static RunPolicySimulation.PortClosure? Closure(string value, List<string> problems)
    {
        var parsed = RunPolicySimulation.PortClosure.Parse(value);
        if (parsed is null)
        {
            problems.Add($"--close: '{value}' is not CODE:FROM:TO, e.g. 2603:2026-12-04:2027-01-04.");
        }
        return parsed;
    }
}
