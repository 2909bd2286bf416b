using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Puente.Domain.Ports;
using Puente.Web.Audit;
using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Draws;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Capacity;

/// <summary>An Admin replaces a port's slots for one date, until the date's draw is announced.</summary>
internal sealed class SetSchedule(PuenteDb db, GetSchedule getSchedule, TimeProvider clock, AuditLog audit)
{
    public const int MaxSlots = 48;
    public const int MaxCapacity = 10_000;

    public sealed record SlotInput(string? Start, int? Capacity);

    public sealed record Command(IReadOnlyList<SlotInput>? Slots);

    /// <param name="actor">Who asks, for the audit log (an e-mail, or <see cref="AuditLog.System"/>).</param>
    public async Task<ScheduleChange.Outcome> Handle(string port, DateOnly serviceDate, Command command, string actor, CancellationToken cancellationToken = default)
    {
        if (await ScheduleChange.Refusal(db, clock, port, serviceDate, cancellationToken) is { } refused)
        {
            return refused;
        }
        var errors = Validate(command);
        if (errors.Count > 0)
        {
            return new ScheduleChange.Invalid(errors);
        }

        var before = await getSchedule.Handle(port, serviceDate, cancellationToken);
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
        db.ChangeTracker.Clear();
        var after = (await getSchedule.Handle(port, serviceDate, cancellationToken))!;
        await ScheduleChange.Audit(audit, actor, "capacity.set", before!, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ScheduleChange.Changed(after);
    }

    private static List<FieldError> Validate(Command command)
    {
        var slots = command.Slots ?? [];
        if (slots.Count is 0 or > MaxSlots)
        {
            // An empty list would silently mean "the template"; that is what reset is for.
            return [new("slots", FieldCodes.SlotsCount, MaxSlots.ToString(CultureInfo.InvariantCulture))];
        }
        var errors = new List<FieldError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            if (slot?.Start is not { } start || !SlotTime.TryParse(start, out _))
            {
                errors.Add(new($"slots[{i}].start", FieldCodes.StartInvalid));
            }
            else if (!seen.Add(start))
            {
                errors.Add(new($"slots[{i}].start", FieldCodes.StartRepeated, start));
            }
            if (slot?.Capacity is not (>= 0 and <= MaxCapacity))
            {
                errors.Add(new($"slots[{i}].capacity", FieldCodes.CapacityInvalid, MaxCapacity.ToString(CultureInfo.InvariantCulture)));
            }
        }
        return errors;
    }
}
