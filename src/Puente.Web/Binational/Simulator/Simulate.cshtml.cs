using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Web.Accounts;
using Puente.Web.Hosting;

namespace Puente.Web.Binational.Simulator;

/// <summary>The policy simulator for analysts: a GET form (so a result can be linked and printed), no JavaScript.</summary>
[Authorize(Roles = $"{Roles.Analyst},{Roles.Admin}")]
internal sealed class SimulateModel(RunPolicySimulation run) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Days { get; set; }
    [BindProperty(SupportsGet = true)] public string? Seed { get; set; }
    [BindProperty(SupportsGet = true)] public string? Start { get; set; }
    [BindProperty(SupportsGet = true)] public string? Scale { get; set; }
    [BindProperty(SupportsGet = true)] public string? Priority { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rate { get; set; }
    [BindProperty(SupportsGet = true)] public string? Reentry { get; set; }
    [BindProperty(SupportsGet = true)] public string? PortCapacity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Close { get; set; }
    [BindProperty(SupportsGet = true)] public string? Run { get; set; }

    public RunPolicySimulation.Result? Result { get; private set; }
    public List<FieldError> Errors { get; } = [];

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        Days ??= "60";
        Seed ??= "1";
        Scale ??= "1";
        if (Run is null)
        {
            return Page();
        }
        var inputs = new RunPolicySimulation.Inputs(
            Days: Number("days", Days, FieldCodes.SimulationDays, $"{RunPolicySimulation.MaxDays}") ?? 60,
            Seed: Number("seed", Seed, FieldCodes.SimulationSeed) ?? 1,
            Start: Date(),
            CapacityScale: Fraction("scale", Scale, FieldCodes.SimulationScale, $"{RunPolicySimulation.MaxScale}") ?? 1,
            PriorityPercent: Number("priority", Priority, FieldCodes.SimulationPriority),
            Rate: Number("rate", Rate, FieldCodes.SimulationRate, $"{RunPolicySimulation.MaxRate}"),
            ReentryShare: Fraction("reentry", Reentry, FieldCodes.SimulationReentry),
            PortCapacities: [.. Items(PortCapacity).Select(v => RunPolicySimulation.PortCapacity.Parse(v) ?? Refuse<RunPolicySimulation.PortCapacity>("portCapacity", FieldCodes.SimulationPortCapacityFormat, v)).OfType<RunPolicySimulation.PortCapacity>()],
            Closures: [.. Items(Close).Select(v => RunPolicySimulation.PortClosure.Parse(v) ?? Refuse<RunPolicySimulation.PortClosure>("close", FieldCodes.SimulationClosureFormat, v)).OfType<RunPolicySimulation.PortClosure>()]);
        if (Errors.Count > 0)
        {
            return Page();
        }
        switch (await run.Handle(inputs, cancellationToken))
        {
            case RunPolicySimulation.Simulated simulated:
                Result = simulated.Result;
                break;
            case RunPolicySimulation.Invalid invalid:
                Errors.AddRange(invalid.Errors);
                break;
        }
        return Page();
    }

    private static string[] Items(string? value) =>
        (value ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private T? Refuse<T>(string field, string code, string value) where T : class
    {
        Errors.Add(new FieldError(field, code, value));
        return null;
    }

    private int? Number(string field, string? value, string code, params string[] arguments)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        Errors.Add(new FieldError(field, code, arguments));
        return null;
    }

    private double? Fraction(string field, string? value, string code, params string[] arguments)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        // People write 1,5 as often as 1.5 on the border; either is read as a decimal mark.
        if (double.TryParse(value.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        Errors.Add(new FieldError(field, code, arguments));
        return null;
    }

    private DateOnly? Date()
    {
        if (string.IsNullOrWhiteSpace(Start))
        {
            return null;
        }
        if (IsoDates.Parse(Start.Trim()) is { } date)
        {
            return date;
        }
        Errors.Add(new FieldError("start", FieldCodes.DateInvalid, [Start, .. Hosting.IsoDates.Range]));
        return null;
    }

    /// <summary>Days as a cell shows them: a dash for "not within the run".</summary>
    public static string Show(int? days) => days?.ToString(CultureInfo.CurrentCulture) ?? "—";
}
