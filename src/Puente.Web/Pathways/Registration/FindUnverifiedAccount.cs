using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Accounts;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Registration;

/// <summary>
/// An account still waiting for its code signs in by its contact and password, to verify and to see its
/// registration; it cannot ask for appointments. Of several unverified accounts naming the contact,
/// the newest whose password matches.
/// </summary>
internal sealed class FindUnverifiedAccount(PuenteDb db, UserManager<PuenteUser> users)
{
    public async Task<PuenteUser?> Handle(string typedContact, string password, CancellationToken cancellationToken = default)
    {
        var contact = ContactAddress.Email(typedContact) ?? ContactAddress.Phone(typedContact);
        if (contact is null || await users.FindByNameAsync(contact) is not null)
        {
            return null;
        }
        var candidates = await db.ContactVerifications.AsNoTracking()
            .Where(v => v.Contact == contact)
            .OrderByDescending(v => v.AccountCreatedAt)
            .Select(v => v.UserId)
            .ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            if (await users.FindByIdAsync(id) is { } user && await users.CheckPasswordAsync(user, password))
            {
                return user;
            }
        }
        return null;
    }
}
