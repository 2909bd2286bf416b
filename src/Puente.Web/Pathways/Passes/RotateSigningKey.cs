using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Passes;

/// <summary>
/// Makes a new active key and signs every live pass again with it. Old keys are retired, not deleted:
/// a pass already printed or saved offline with the old signature still verifies.
/// </summary>
internal sealed class RotateSigningKey(PuenteDb db, IDataProtectionProvider protection, TimeProvider clock, IssuePasses passes)
{
    public sealed record Outcome(string ActiveKeyId, IReadOnlyList<string> RetiredKeyIds, int PassesSigned);

    public async Task<Outcome> Handle(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var retiring = await db.SigningKeys.Where(k => k.RetiredAt == null).Select(k => k.KeyId).ToListAsync(cancellationToken);
        await db.SigningKeys.Where(k => k.RetiredAt == null).ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredAt, now), cancellationToken);
        var created = SigningKeys.Create(protection, now);
        db.SigningKeys.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        var signed = await passes.ResignLive(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(created.KeyId, retiring, signed);
    }
}
