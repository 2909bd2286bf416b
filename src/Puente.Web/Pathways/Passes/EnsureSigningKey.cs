using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Passes;

/// <summary>Creates the first pass-signing key of a database, as part of migrating it; does nothing once one is active.</summary>
internal sealed class EnsureSigningKey(PuenteDb db, IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>True when a key was created.</summary>
    public async Task<bool> Handle(CancellationToken cancellationToken = default)
    {
        if (await db.SigningKeys.AnyAsync(k => k.RetiredAt == null, cancellationToken))
        {
            return false;
        }
        db.SigningKeys.Add(SigningKeys.Create(protection, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
