using Puente.Domain.Pathways.Requests;
using Puente.Domain.Ports;

namespace Puente.Domain.Pathways.Draws;

/// <summary>Checks an announcement and its entries against the rules of <c>puente-draw/1</c>.</summary>
public static class DrawInputValidator
{
    private const int MaxTicketLength = 64;

    /// <summary>Every rule the input breaks, in words; empty when the input is valid. Never throws on bad input.</summary>
    public static IReadOnlyList<string> Validate(DrawAnnouncement? announcement, IReadOnlyList<DrawEntry?>? entries)
    {
        var problems = new List<string>();
        var portCodes = ValidateAnnouncement(announcement, problems);
        if (entries is null)
        {
            problems.Add("entries: missing");
            return problems;
        }

        var tickets = new HashSet<string>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry is null)
            {
                problems.Add($"entries[{i}]: missing");
                continue;
            }
            var where = $"entries[{i}]";
            if (!IsTicket(entry.Ticket))
            {
                problems.Add($"{where}: ticket \"{entry.Ticket}\" must be 1-{MaxTicketLength} characters from [A-Za-z0-9_-]");
            }
            else
            {
                where = $"entry {entry.Ticket}";
                if (!tickets.Add(entry.Ticket) && reported.Add(entry.Ticket))
                {
                    problems.Add($"entries: ticket {entry.Ticket} appears more than once");
                }
            }
            if (entry.Size < 1)
            {
                problems.Add($"{where}: size {entry.Size} must be at least 1");
            }
            ValidatePreferences(where, entry.Ports, portCodes, problems);
        }
        return problems;
    }

    internal static bool IsTicket(string? ticket)
    {
        if (ticket is null || ticket.Length is 0 or > MaxTicketLength)
        {
            return false;
        }
        foreach (var c in ticket)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
            {
                return false;
            }
        }
        return true;
    }

    private static HashSet<string> ValidateAnnouncement(DrawAnnouncement? announcement, List<string> problems)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        if (announcement is null)
        {
            problems.Add("announcement: missing");
            return codes;
        }
        if (announcement.Protocol != DrawProtocol.Name)
        {
            problems.Add($"announcement: protocol \"{announcement.Protocol}\" is not \"{DrawProtocol.Name}\"");
        }
        if (announcement.PriorityPercent is < 0 or > 100)
        {
            problems.Add($"announcement: priorityPercent {announcement.PriorityPercent} must be between 0 and 100");
        }
        if (announcement.Commitment is null || announcement.Commitment.Length != 64 || !DrawDigests.IsLowerHex(announcement.Commitment))
        {
            problems.Add("announcement: commitment must be 64 lowercase hex characters");
        }
        if (announcement.Beacon is { } beacon && (!DrawBeaconRound.IsChainHash(beacon.ChainHash) || beacon.Round < 1))
        {
            problems.Add("announcement: beacon must name a chainHash of 64 lowercase hex characters and a round of at least 1");
        }
        if (announcement.Ports is null || announcement.Ports.Count == 0)
        {
            problems.Add("announcement: ports must list at least one port");
            return codes;
        }
        for (var p = 0; p < announcement.Ports.Count; p++)
        {
            var port = announcement.Ports[p];
            if (port is null || string.IsNullOrEmpty(port.Code))
            {
                problems.Add($"announcement: ports[{p}] has no code");
                continue;
            }
            if (!codes.Add(port.Code))
            {
                problems.Add($"announcement: port {port.Code} is listed more than once");
            }
            ValidateSlots(port, problems);
        }
        return codes;
    }

    private static void ValidateSlots(DrawPort port, List<string> problems)
    {
        if (port.Slots is null)
        {
            problems.Add($"announcement: port {port.Code} has no slots list");
            return;
        }
        TimeOnly? previous = null;
        for (var s = 0; s < port.Slots.Count; s++)
        {
            var slot = port.Slots[s];
            if (slot is null)
            {
                problems.Add($"announcement: port {port.Code} slots[{s}] is missing");
                continue;
            }
            if (!SlotTime.TryParse(slot.Start, out var start))
            {
                problems.Add($"announcement: port {port.Code} slot \"{slot.Start}\" is not a 24-hour HH:MM time");
            }
            else if (start <= previous)
            {
                problems.Add($"announcement: port {port.Code} slot {slot.Start} is not after the slot before it");
            }
            else
            {
                previous = start;
            }
            if (slot.Capacity < 0)
            {
                problems.Add($"announcement: port {port.Code} slot {slot.Start} has negative capacity {slot.Capacity}");
            }
        }
    }

    private static void ValidatePreferences(string where, IReadOnlyList<string>? ports, HashSet<string> known, List<string> problems)
    {
        if (ports is null || !PortPreferences.IsAllowedCount(ports.Count))
        {
            problems.Add($"{where}: must name 1 to {PortPreferences.Max} ports, names {ports?.Count ?? 0}");
            return;
        }
        var repeats = PortPreferences.Repeats(ports);
        for (var i = 0; i < ports.Count; i++)
        {
            var code = ports[i];
            if (code is null)
            {
                problems.Add($"{where}: a port preference is missing");
                continue;
            }
            if (repeats.Contains(i))
            {
                problems.Add($"{where}: port {code} is named more than once");
            }
            if (!known.Contains(code))
            {
                problems.Add($"{where}: port {code} is not in the announcement");
            }
        }
    }
}
