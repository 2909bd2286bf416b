using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Audit;
using Puente.Web.Database;

namespace Puente.Web.Accounts;

/// <summary>
/// Disables, enables or removes an account. Disabling and removing change the security stamp, so every
/// cookie and bearer token of the account stops working at its next check (<see cref="SessionCheck"/>,
/// at most a minute); a disabled account cannot sign in until enabled. Each change is an audit entry.
/// </summary>
internal sealed class CloseAccess(UserManager<PuenteUser> users, PuenteDb db, AuditLog audit)
{
    public enum Action { Disable, Enable, Remove }

    public abstract record Outcome;
    public sealed record Done(string UserId) : Outcome;
    public sealed record NotFound(string Email) : Outcome;

    /// <summary>The account still owns records (requests, appointments, cases) that must keep their author: disable it instead.</summary>
    public sealed record StillReferenced(string Email) : Outcome;

    public async Task<Outcome> Handle(string email, Action action, string actor = AuditLog.System, CancellationToken cancellationToken = default)
    {
        if (await Find(users, email) is not { } user)
        {
            return new NotFound(email);
        }
        switch (action)
        {
            case Action.Disable:
                await users.SetLockoutEnabledAsync(user, true);
                await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
                await users.UpdateSecurityStampAsync(user);
                break;
            case Action.Enable:
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                break;
            case Action.Remove:
                await users.UpdateSecurityStampAsync(user);
                try
                {
                    var deleted = await users.DeleteAsync(user);
                    if (!deleted.Succeeded)
                    {
                        return new StillReferenced(email);
                    }
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                    return new StillReferenced(email);
                }
                break;
        }
        await audit.Append(new AuditLog.Event(actor, "user." + action.ToString().ToLowerInvariant(), "user", user.Id, null, new { email = user.Email }), cancellationToken);
        return new Done(user.Id);
    }

    /// <summary>A disabled account is locked out until the end of the calendar (a lockout after wrong passwords lasts minutes).</summary>
    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { Year: 9999 };

    public static async Task<PuenteUser?> Find(UserManager<PuenteUser> users, string email) =>
        await users.FindByNameAsync(email.Trim()) ?? await users.FindByEmailAsync(email.Trim());
}
