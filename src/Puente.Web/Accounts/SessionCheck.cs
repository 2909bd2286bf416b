using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Web.Database;

namespace Puente.Web.Accounts;

/// <summary>
/// Bearer tokens carry the account's security stamp; this checks it against the database at most once a
/// minute per token holder, so a password change, a role change, a disabled or removed account ends
/// every token within a minute (cookies get the same from Identity's stamp validator, see
/// <see cref="ValidationInterval"/>).
/// </summary>
internal sealed class SessionCheck(TimeProvider clock)
{
    public static readonly TimeSpan ValidationInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string UserId, string Stamp), DateTimeOffset> checkedUntil = new();

    /// <summary>For requests that carry a bearer token: an outdated one makes the request anonymous (401).</summary>
    public static async Task Middleware(HttpContext context, Func<Task> next)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var services = context.RequestServices;
            var valid = await services.GetRequiredService<SessionCheck>().StillValid(
                context.User, services.GetRequiredService<PuenteDb>(), services.GetRequiredService<IOptions<IdentityOptions>>().Value, context.RequestAborted);
            if (!valid)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
        }
        await next();
    }

    /// <summary>Compiled once: every bearer request of an account not seen this minute runs it.</summary>
    private static readonly Func<PuenteDb, string, CancellationToken, Task<string?>> StampOf =
        EF.CompileAsyncQuery((PuenteDb db, string userId, CancellationToken _) =>
            db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefault());

    public async Task<bool> StillValid(ClaimsPrincipal principal, PuenteDb db, IdentityOptions options, CancellationToken cancellationToken)
    {
        var userId = principal.FindFirstValue(options.ClaimsIdentity.UserIdClaimType);
        var stamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || stamp is null)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        if (checkedUntil.TryGetValue((userId, stamp), out var until) && until > now)
        {
            return true;
        }
        // The stamp alone, untracked: the account itself is not needed, and a removed one reads as null.
        var current = await StampOf(db, userId, cancellationToken);
        var valid = current == stamp;
        if (valid)
        {
            checkedUntil[(userId, stamp)] = now + ValidationInterval;
        }
        else
        {
            checkedUntil.TryRemove((userId, stamp), out _);
        }
        if (checkedUntil.Count > 100_000)
        {
            checkedUntil.Clear();
        }
        return valid;
    }
}
