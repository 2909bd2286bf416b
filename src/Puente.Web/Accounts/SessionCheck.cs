using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

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
                context.User, services.GetRequiredService<UserManager<PuenteUser>>(), services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value);
            if (!valid)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
        }
        await next();
    }

    public async Task<bool> StillValid(ClaimsPrincipal principal, UserManager<PuenteUser> users, IdentityOptions options)
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
        var user = await users.FindByIdAsync(userId);
        var valid = user is not null && await users.GetSecurityStampAsync(user) == stamp;
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
