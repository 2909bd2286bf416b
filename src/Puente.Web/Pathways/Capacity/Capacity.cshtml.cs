using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Web.Accounts;
using Puente.Web.Hosting;
using Puente.Web.Pathways.Capacity;
using Puente.Web.Pathways.Draws;
using Puente.Web.Ports;

namespace Puente.Web.Pathways.Capacity;

/// <summary>An Admin views and edits one port's slots on one date; works without JavaScript.</summary>
[Authorize(Policy = Roles.Admin)]
internal sealed class CapacityModel(ListPorts ports, PortNames zones, GetSchedule getSchedule, SetSchedule setSchedule, ResetSchedule resetSchedule) : PageModel
{
    /// <summary>Blank rows offered under the existing slots; blank rows are ignored on save.</summary>
    public const int BlankRows = 4;

    public sealed record Row(string? Start, string? Capacity);

    /// <summary>A translated message: resource key and its arguments.</summary>
    public sealed record Message(string Key, params object[] Arguments);

    [BindProperty(SupportsGet = true)] public string? Port { get; set; }
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty] public List<Row> Rows { get; set; } = [];

    public IReadOnlyList<(string Code, string Name)> Ports { get; private set; } = [];
    public GetSchedule.Schedule? Schedule { get; private set; }
    public List<Message> Problems { get; } = [];

    /// <summary>What is wrong with which field, and the form row it came from (0 when it is not a row's).</summary>
    public List<(int Row, FieldError Error)> FieldErrors { get; } = [];

    public string? Notice { get; private set; }

    /// <summary>The rows the edit form shows: the current slots and a few blank ones, or what was typed.</summary>
    public IReadOnlyList<Row> FormRows { get; private set; } = [];

    public string PortName => Ports.FirstOrDefault(p => p.Code == Port).Name ?? Port ?? "";

    /// <summary>The port's zone, in which the page shows every instant (UTC when no port is chosen).</summary>
    public string PortZone { get; private set; } = "UTC";

    public async Task OnGet(bool saved, bool reset, CancellationToken ct)
    {
        Notice = saved ? "Capacity_Saved" : reset ? "Capacity_ResetDone" : null;
        await Load(ct);
    }

    public async Task<IActionResult> OnPostSave(CancellationToken ct)
    {
        if (Target() is not var (port, date))
        {
            await Load(ct);
            return Page();
        }
        // Remember which form row each slot came from, so errors name the row the person sees.
        var filled = Rows.Select((row, index) => (row, index))
            .Where(r => !string.IsNullOrWhiteSpace(r.row.Start) || !string.IsNullOrWhiteSpace(r.row.Capacity))
            .ToList();
        var command = new SetSchedule.Command(filled
            .Select(r => new SetSchedule.SlotInput(r.row.Start?.Trim(),
                int.TryParse(r.row.Capacity, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null))
            .ToList());
        var outcome = await setSchedule.Handle(port, date, command, CapacityApi.Actor(User), ct);
        if (outcome is ScheduleChange.Changed)
        {
            return RedirectToPage(new { port, date = Date, saved = true });
        }
        Explain(outcome, field => field.StartsWith("slots[", StringComparison.Ordinal)
            ? filled[int.Parse(field[6..field.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture)].index + 1
            : 0);
        await Load(ct);
        // Shown as typed, in the same places, so the row numbers in the errors match.
        FormRows = Rows;
        return Page();
    }

    public async Task<IActionResult> OnPostReset(CancellationToken ct)
    {
        if (Target() is var (port, date))
        {
            var outcome = await resetSchedule.Handle(port, date, CapacityApi.Actor(User), ct);
            if (outcome is ScheduleChange.Changed)
            {
                return RedirectToPage(new { port, date = Date, reset = true });
            }
            Explain(outcome, _ => 0);
        }
        await Load(ct);
        return Page();
    }

    private (string Port, DateOnly Date)? Target()
    {
        if (string.IsNullOrWhiteSpace(Port))
        {
            Problems.Add(new Message("Capacity_Error_Port"));
            return null;
        }
        if (Hosting.IsoDates.Parse(Date ?? "") is not { } date)
        {
            Problems.Add(new Message("Capacity_Error_Date"));
            return null;
        }
        return (Port.Trim(), date);
    }

    private void Explain(ScheduleChange.Outcome outcome, Func<string, int> rowOf)
    {
        switch (outcome)
        {
            case ScheduleChange.Frozen frozen:
                // An instant: the page writes it in the port's local time.
                Problems.Add(new Message("Capacity_Frozen", frozen.WindowOpensAt));
                break;
            case ScheduleChange.PortNotFound:
                Problems.Add(new Message("Capacity_Error_Port"));
                break;
            case ScheduleChange.Invalid invalid:
                FieldErrors.AddRange(invalid.Errors.Select(e => (rowOf(e.Field), e)));
                break;
        }
    }

    private async Task Load(CancellationToken ct)
    {
        Ports = await ports.Names(ct);
        PortZone = Port is not null && (await zones.Handle(ct)).TryGetValue(Port.Trim(), out var named) ? named.TimeZone : "UTC";
        if (string.IsNullOrWhiteSpace(Port) || string.IsNullOrWhiteSpace(Date))
        {
            return;
        }
        if (Hosting.IsoDates.Parse(Date) is not { } date)
        {
            AddOnce(new Message("Capacity_Error_Date"));
            return;
        }
        Schedule = await getSchedule.Handle(Port.Trim(), date, ct);
        if (Schedule is null)
        {
            AddOnce(new Message("Capacity_Error_Port"));
            return;
        }
        FormRows = [.. Schedule.Slots.Select(s => new Row(s.Start, s.Capacity.ToString(CultureInfo.InvariantCulture))), .. Enumerable.Repeat(new Row(null, null), BlankRows)];
    }

    private void AddOnce(Message message)
    {
        if (!Problems.Any(p => p.Key == message.Key))
        {
            Problems.Add(message);
        }
    }

}
