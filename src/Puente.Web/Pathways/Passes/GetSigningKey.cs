using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Passes;

/// <summary>The key new passes are signed with. Reading it never creates one: <see cref="EnsureSigningKey"/> and
/// <see cref="RotateSigningKey"/> do, from <c>puente db migrate</c> (or the demo's startup) and <c>puente keys rotate</c>.</summary>
internal sealed class GetSigningKey(PuenteDb db, IDataProtectionProvider protection)
{
    public sealed record ActiveKey(string KeyId, ECDsa PrivateKey) : IDisposable
    {
        public void Dispose() => PrivateKey.Dispose();
    }

    /// <exception cref="InvalidOperationException">The database has no active key: it was not migrated with Puente's command.</exception>
    public async Task<ActiveKey> Handle(CancellationToken cancellationToken = default)
    {
        // Ordered here: SQLite cannot order by DateTimeOffset, and there are one or two active rows.
        // Two first migrations at once may each add a key; both are published and the newest signs.
        var active = (await db.SigningKeys.AsNoTracking().Where(k => k.RetiredAt == null).ToListAsync(cancellationToken))
            .OrderByDescending(k => k.CreatedAt).ThenBy(k => k.KeyId, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new InvalidOperationException("No active pass-signing key: run `puente db migrate` (it creates the first) or `puente keys rotate`.");
        return new ActiveKey(active.KeyId, SigningKeys.PrivateKey(active, protection));
    }
}
