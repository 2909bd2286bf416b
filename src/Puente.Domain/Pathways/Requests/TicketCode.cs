using System.Security.Cryptography;

namespace Puente.Domain.Pathways.Requests;

/// <summary>
/// A draw ticket as people handle it: read aloud, copied from paper, typed on a phone. New tickets
/// use capitals and digits with no look-alikes (no 0/O, 1/I/L), are shown in groups of four
/// (<c>K7Q2-M9XW-3T4P</c>) and are matched whatever the case and the separators typed. They are
/// stored and entered in the draw without separators, so the draw's inputs stay
/// <c>[A-Za-z0-9_-]</c> and sort the same way; older mixed-case tickets still match, because a
/// lookup compares both sides in capitals.
/// </summary>
public static class TicketCode
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 12;
    private const int Group = 4;

    /// <summary>A new ticket from a CSPRNG, never derived from anything about the person.</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The form a lookup compares: no spaces, dashes or dots, in capitals.</summary>
    public static string Normalize(string typed) =>
        string.Concat(typed.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '.' and not '‐' and not '–')).ToUpperInvariant();

    /// <summary>"K7Q2-M9XW-3T4P": a stored ticket in groups of four; any other shape as it is.</summary>
    public static string Display(string ticket) =>
        ticket.Length % Group == 0 && ticket.All(char.IsAsciiLetterOrDigit)
            ? string.Join('-', ticket.Chunk(Group).Select(g => new string(g)))
            : ticket;
}
