using Microsoft.EntityFrameworkCore;
using Puente.Domain.Ports;
using Puente.Web.Database;
using Puente.Web.Pathways.Draws;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Capacity;

/// <summary>An Admin replaces a port's slots for one date, until the date's draw is announced.</summary>
internal sealed class SetSchedule(PuenteDb db, GetSchedule getSchedule, TimeProvider clock)
{
    public const int MaxSlots = 48;
    public const int MaxCapacity = 10_000;

    public sealed record SlotInput(string? Start, int? Capacity);

    public sealed record Command(IReadOnlyList<SlotInput>? Slots);

    public async Task<ScheduleChange.Outcome> Handle(string port, DateOnly serviceDate, Command command, CancellationToken cancellationToken = default)
    {
        if (await ScheduleChange.Refusal(db, clock, port, serviceDate, cancellationToken) is { } refused)
        {
            return refused;
        }
        var problems = Validate(command);
        if (problems.Count > 0)
        {
            return new ScheduleChange.Invalid(problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SlotOverrides.Where(s => s.PortCode == port && s.ServiceDate == serviceDate).ExecuteDeleteAsync(cancellationToken);
        db.SlotOverrides.AddRange(command.Slots!.Select(s => new SlotOverrideRecord
        {
            PortCode = port,
            ServiceDate = serviceDate,
            Start = s.Start!,
            Capacity = s.Capacity!.Value,
        }));
        await db.SaveChangesAsync(cancellationToken);
        // An announcement that slipped in since the check above has published the old slots; keep them.
        if (await ScheduleChange.FrozenBy(db, serviceDate, cancellationToken) is { } frozen)
        {
            await transaction.RollbackAsync(cancellationToken);
            return frozen;
        }
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new ScheduleChange.Changed((await getSchedule.Handle(port, serviceDate, cancellationToken))!);
    }

    private static Dictionary<string, string[]> Validate(Command command)
    {
        var problems = new Dictionary<string, string[]>();
        var slots = command.Slots ?? [];
        if (slots.Count is 0 or > MaxSlots)
        {
            // An empty list would silently mean "the template"; that is what reset is for.
            problems["slots"] = [$"Give 1 to {MaxSlots} slots. To close the port for the day give a slot with capacity 0; to go back to the template, reset."];
            return problems;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            if (slot?.Start is not { } start || !SlotTime.TryParse(start, out _))
            {
                problems[$"slots[{i}].start"] = ["A start time is HH:MM in the port's local time, e.g. 08:00."];
            }
            else if (!seen.Add(start))
            {
                problems[$"slots[{i}].start"] = [$"{start} appears more than once; each slot starts at a different time."];
            }
            if (slot?.Capacity is not (>= 0 and <= MaxCapacity))
            {
                problems[$"slots[{i}].capacity"] = [$"A capacity is a whole number of persons from 0 to {MaxCapacity}."];
            }
        }
        return problems;
    }
}
