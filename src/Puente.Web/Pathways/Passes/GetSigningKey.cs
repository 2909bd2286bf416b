using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Passes;

/// <summary>The key new passes are signed with; the first call creates one.</summary>
public sealed class GetSigningKey(PuenteDb db, IDataProtectionProvider protection, TimeProvider clock)
{
    public sealed record ActiveKey(string KeyId, ECDsa PrivateKey) : IDisposable
    {
        public void Dispose() => PrivateKey.Dispose();
    }

    public async Task<ActiveKey> Handle(CancellationToken cancellationToken = default)
    {
        var active = await Active(cancellationToken);
        if (active is null)
        {
            db.SigningKeys.Add(SigningKeys.Create(protection, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            // Two first calls at once may each add a key; both are published and the newest wins.
            active = await Active(cancellationToken);
        }
        return new ActiveKey(active!.KeyId, SigningKeys.PrivateKey(active, protection));
    }

    // Ordered here: SQLite cannot order by DateTimeOffset, and there are one or two active rows.
    private async Task<SigningKeyRecord?> Active(CancellationToken cancellationToken) =>
        (await db.SigningKeys.AsNoTracking().Where(k => k.RetiredAt == null).ToListAsync(cancellationToken))
            .OrderByDescending(k => k.CreatedAt).ThenBy(k => k.KeyId, StringComparer.Ordinal)
            .FirstOrDefault();
}
