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

    /// <summary>
    /// Endpoint metadata: the handler reads the account in its own first query, so the stamp is compared there
    /// (<see cref="Pending"/>) instead of in a round trip of its own. The handler must compare it before it reads or
    /// writes anything else, answer 401 when it differs, and call <see cref="Confirmed"/> when it matches.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
    public sealed class ComparedByHandlerAttribute : Attribute;

    /// <summary>A bearer request's stamp, not checked yet this minute, left to the handler (<see cref="ComparedByHandlerAttribute"/>).</summary>
    public sealed record Pending(string UserId, string Stamp);

    /// <summary>For requests that carry a bearer token: an outdated one makes the request anonymous (401).</summary>
    public static async Task Middleware(HttpContext context, Func<Task> next)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var services = context.RequestServices;
            var check = services.GetRequiredService<SessionCheck>();
            var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
            var userId = context.User.FindFirstValue(claims.UserIdClaimType);
            var stamp = context.User.FindFirstValue(claims.SecurityStampClaimType);
            if (userId is null || stamp is null)
            {
                context.User = Anonymous();
            }
            else if (!check.CheckedThisMinute(userId, stamp))
            {
                if (context.GetEndpoint()?.Metadata.GetMetadata<ComparedByHandlerAttribute>() is not null)
                {
                    context.Features.Set(new Pending(userId, stamp));
                }
                else if (!check.Compared(userId, stamp, await StampOf(services.GetRequiredService<PuenteDb>(), userId, context.RequestAborted)))
                {
                    context.User = Anonymous();
                }
            }
        }
        await next();
    }

    private static ClaimsPrincipal Anonymous() => new(new ClaimsIdentity());

    /// <summary>Compiled once: every bearer request of an account not seen this minute runs it.</summary>
    public static readonly Func<PuenteDb, string, CancellationToken, Task<string?>> StampOf =
        EF.CompileAsyncQuery((PuenteDb db, string userId, CancellationToken _) =>
            db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefault());

    private bool CheckedThisMinute(string userId, string stamp) =>
        checkedUntil.TryGetValue((userId, stamp), out var until) && until > clock.GetUtcNow();

    /// <summary>The handler found <paramref name="current"/> (null for a removed account) where the token says <see cref="Pending.Stamp"/>.</summary>
    public bool Confirmed(Pending pending, string? current) => Compared(pending.UserId, pending.Stamp, current);

    // The stamp alone, untracked, is compared: the account itself is not needed, and a removed one reads as null.
    private bool Compared(string userId, string stamp, string? current)
    {
        var valid = current == stamp;
        if (valid)
        {
            checkedUntil[(userId, stamp)] = clock.GetUtcNow() + ValidationInterval;
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
