using Microsoft.EntityFrameworkCore;
using Puente.Domain.Audit;
using Puente.Web.Database;

namespace Puente.Web.Audit;

/// <summary>Walks the whole chain, then the head and every published checkpoint against it.</summary>
internal sealed class VerifyAuditLog(PuenteDb db)
{
    private const int Page = 2_000;

    public abstract record Outcome;

    public sealed record Intact(long Entries, string HeadHash) : Outcome;

    /// <summary>The first entry that is not what the chain says (the first missing one, for a gap).</summary>
    public sealed record Broken(long Sequence, ChainFault Fault) : Outcome;

    public async Task<Outcome> Handle(CancellationToken cancellationToken = default)
    {
        long next = 1;
        var previous = AuditChain.Genesis;
        var hashes = new Dictionary<long, string>();
        while (true)
        {
            // Pages by sequence, not by offset: a gap must show as a gap, not shift the page.
            var page = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence >= next).OrderBy(e => e.Sequence).Take(Page)
                .Select(e => new AuditEntry(e.Sequence, e.At, e.Actor, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.PreviousHash, e.Hash))
                .ToListAsync(cancellationToken);
            if (AuditChain.FirstBreak(page, next, previous) is { } broken)
            {
                return new Broken(broken.Sequence, broken.Fault);
            }
            if (page.Count == 0)
            {
                break;
            }
            foreach (var entry in page)
            {
                hashes[entry.Sequence] = entry.Hash;
            }
            previous = page[^1].Hash;
            next = page[^1].Sequence + 1;
        }
        var head = await db.AuditHead.AsNoTracking().SingleAsync(cancellationToken);
        if (head.Sequence != next - 1 || head.Hash != previous)
        {
            // Rows deleted from the end leave the head pointing past them.
            return new Broken(Math.Min(head.Sequence, next), ChainFault.HeadMismatch);
        }
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Sequence).ToListAsync(cancellationToken);
        foreach (var checkpoint in checkpoints)
        {
            var published = checkpoint.Sequence == 0 ? AuditChain.Genesis : hashes.GetValueOrDefault(checkpoint.Sequence);
            if (published != checkpoint.Hash)
            {
                return new Broken(checkpoint.Sequence, ChainFault.HeadMismatch);
            }
        }
        return new Intact(next - 1, previous);
    }
}
