using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Puente.Domain.Audit;

/// <summary>One entry of the platform's audit log, as hashed: who did what to which record, and when.</summary>
/// <param name="Before">The fields as they were (JSON), or null.</param>
/// <param name="After">The fields as they became (JSON), or null; a read records what was opened.</param>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Action,
    string EntityType,
    string EntityId,
    string? Before,
    string? After,
    string PreviousHash,
    string Hash);

/// <summary>Where a walk of the chain first went wrong.</summary>
public sealed record ChainBreak(long Sequence, ChainFault Fault);

public enum ChainFault
{
    /// <summary>The entry's fields no longer give its hash: it was edited.</summary>
    HashMismatch,

    /// <summary>The entry does not point at the hash of the one before it.</summary>
    LinkBroken,

    /// <summary>The sequence skips here: entries before it were deleted.</summary>
    Missing,

    /// <summary>The published head names an entry or a hash the log no longer has.</summary>
    HeadMismatch,
}

/// <summary>
/// The audit log's hash chain: each entry's hash covers its fields and the previous entry's hash,
/// so an edited, inserted or deleted row breaks every link after it. Pure: the web host stores the
/// entries, the CLI walks them, an auditor can recompute them from an export.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Instants are hashed to the millisecond, which every database stores exactly.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string HashOf(long sequence, DateTimeOffset at, string actor, string action, string entityType, string entityId,
        string? before, string? after, string previousHash)
    {
        // Each field is length-prefixed, so no choice of values can make two entries read alike.
        var canonical = new StringBuilder();
        foreach (var field in new[]
                 {
                     sequence.ToString(CultureInfo.InvariantCulture),
                     Truncate(at).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                     actor, action, entityType, entityId, before ?? "\0", after ?? "\0", previousHash,
                 })
        {
            canonical.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    public static string HashOf(AuditEntry e) =>
        HashOf(e.Sequence, e.At, e.Actor, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.PreviousHash);

    /// <summary>
    /// Walks entries in sequence order from <paramref name="firstSequence"/> (1 for a whole log) and
    /// names the first that is not where, or what, the chain says it should be; null when intact.
    /// </summary>
    public static ChainBreak? FirstBreak(IEnumerable<AuditEntry> entries, long firstSequence = 1, string? previousHash = null)
    {
        var expectedSequence = firstSequence;
        var previous = previousHash ?? Genesis;
        foreach (var entry in entries)
        {
            if (entry.Sequence != expectedSequence)
            {
                return new ChainBreak(expectedSequence, ChainFault.Missing);
            }
            if (entry.PreviousHash != previous)
            {
                return new ChainBreak(entry.Sequence, ChainFault.LinkBroken);
            }
            if (HashOf(entry) != entry.Hash)
            {
                return new ChainBreak(entry.Sequence, ChainFault.HashMismatch);
            }
            previous = entry.Hash;
            expectedSequence++;
        }
        return null;
    }
}
