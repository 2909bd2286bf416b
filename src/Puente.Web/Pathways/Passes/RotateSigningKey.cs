using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Passes;

/// <summary>Makes a new active key. Old keys are retired, not deleted: passes they signed still verify.</summary>
public sealed class RotateSigningKey(PuenteDb db, IDataProtectionProvider protection, TimeProvider clock)
{
    public sealed record Outcome(string ActiveKeyId, IReadOnlyList<string> RetiredKeyIds);

    public async Task<Outcome> Handle(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var retiring = await db.SigningKeys.Where(k => k.RetiredAt == null).Select(k => k.KeyId).ToListAsync(cancellationToken);
        await db.SigningKeys.Where(k => k.RetiredAt == null).ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredAt, now), cancellationToken);
        var created = SigningKeys.Create(protection, now);
        db.SigningKeys.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(created.KeyId, retiring);
    }
}
