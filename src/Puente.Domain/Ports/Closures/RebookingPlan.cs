namespace Puente.Domain.Ports.Closures;

/// <summary>A booked group a closure displaces: never split, moved whole or not at all.</summary>
/// <param name="Id">The appointment.</param>
/// <param name="Size">Persons in the group.</param>
/// <param name="Date">The service date it was booked for.</param>
/// <param name="Preferences">The ports the applicant asked for, in order of preference.</param>
/// <param name="People">Each traveller's identity key: one person is never placed twice on one date.</param>
/// <param name="TakenDates">Other dates on which someone in the group already has a request or appointment: never a destination.</param>
public sealed record RebookingGroup(
    Guid Id, int Size, DateOnly Date, IReadOnlyList<string> Preferences, IReadOnlyList<string> People, IReadOnlySet<DateOnly> TakenDates);

/// <summary>A port that processes appointments, with its registry coordinates.</summary>
public sealed record RebookingPort(string Code, double Latitude, double Longitude);

/// <summary>Which rule placed a group.</summary>
public enum RebookingRule
{
    /// <summary>The applicant's next preferred port with room that date.</summary>
    PreferredPort,

    /// <summary>The nearest open port processing appointments with room that date.</summary>
    NearestPort,

    /// <summary>The same port on the first date it is open with room.</summary>
    LaterDate,
}

public sealed record RebookingDestination(string Port, DateOnly Date, string Slot, RebookingRule Rule);

/// <summary>Where a group goes; <see cref="To"/> is null when no rule found room for it.</summary>
public sealed record RebookingPlacement(Guid Id, RebookingDestination? To);

/// <summary>
/// Remaining room per port, date and slot. Only open port-dates that may receive moved groups are
/// added; anything absent has no room.
/// </summary>
public sealed class RebookingRoom
{
    private readonly Dictionary<(string Port, DateOnly Date), List<(string Start, int Remaining)>> slots = [];

    public void Add(string port, DateOnly date, string start, int remaining)
    {
        if (!slots.TryGetValue((port, date), out var list))
        {
            slots[(port, date)] = list = [];
        }
        list.Add((start, remaining));
        list.Sort((a, b) => string.CompareOrdinal(a.Start, b.Start));
    }

    /// <summary>The earliest slot the whole group fits in, taken; null when none.</summary>
    public string? Take(string port, DateOnly date, int size)
    {
        if (!slots.TryGetValue((port, date), out var list))
        {
            return null;
        }
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Remaining >= size)
            {
                list[i] = (list[i].Start, list[i].Remaining - size);
                return list[i].Start;
            }
        }
        return null;
    }
}

/// <summary>
/// Where each group displaced by a closure goes, taken in the order given (draw order): first the
/// applicant's other preferred ports that date, then the nearest open port processing appointments that
/// date (great-circle from the closed port), then the closed port on the first later date with room.
/// </summary>
public static class RebookingPlan
{
    public static IReadOnlyList<RebookingPlacement> Place(
        RebookingPort closed, IReadOnlyList<RebookingPort> ports, IReadOnlyList<RebookingGroup> groups,
        RebookingRoom room, IReadOnlyList<DateOnly> laterDates)
    {
        ArgumentNullException.ThrowIfNull(closed);
        ArgumentNullException.ThrowIfNull(groups);
        var nearest = ports.Where(p => p.Code != closed.Code)
            .OrderBy(p => GreatCircle.Kilometres(closed.Latitude, closed.Longitude, p.Latitude, p.Longitude))
            .ThenBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => p.Code)
            .ToList();
        // Two displaced groups may share a person (requests on two closed dates): a later date one takes is taken for the other.
        var placedOn = new HashSet<(string Person, DateOnly Date)>();
        var placements = new List<RebookingPlacement>(groups.Count);
        foreach (var group in groups)
        {
            var to = Destination(closed.Code, nearest, group, room, laterDates, placedOn);
            if (to is not null)
            {
                placedOn.UnionWith(group.People.Select(p => (p, to.Date)));
            }
            placements.Add(new RebookingPlacement(group.Id, to));
        }
        return placements;
    }

    private static RebookingDestination? Destination(
        string closed, IReadOnlyList<string> nearest, RebookingGroup group, RebookingRoom room, IReadOnlyList<DateOnly> laterDates,
        HashSet<(string Person, DateOnly Date)> placedOn)
    {
        foreach (var port in group.Preferences.Where(p => p != closed))
        {
            if (room.Take(port, group.Date, group.Size) is { } slot)
            {
                return new(port, group.Date, slot, RebookingRule.PreferredPort);
            }
        }
        foreach (var port in nearest)
        {
            if (room.Take(port, group.Date, group.Size) is { } slot)
            {
                return new(port, group.Date, slot, RebookingRule.NearestPort);
            }
        }
        foreach (var date in laterDates.Where(d => d > group.Date && !group.TakenDates.Contains(d) && !group.People.Any(p => placedOn.Contains((p, d)))).Order())
        {
            if (room.Take(closed, date, group.Size) is { } slot)
            {
                return new(closed, date, slot, RebookingRule.LaterDate);
            }
        }
        return null;
    }
}
