using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Accounts;

internal static class GetCurrentUser
{
    public sealed record Response(string? Email, string? Phone, IReadOnlyList<string> Roles, IReadOnlyList<string> Ports, string? Consulate, string PreferredLanguage);

    public static RouteHandlerBuilder MapGetCurrentUser(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/me", Handle)
            .RequireAuthorization()
            .WithTags("Accounts")
            .WithSummary("Who the caller is: email, roles and the ports or consulate they are scoped to.");

    public static async Task<Results<Ok<Response>, NotFound>> Handle(ClaimsPrincipal principal, UserManager<PuenteUser> users, PuenteDb db, CancellationToken ct)
    {
        var userId = users.GetUserId(principal);
        var user = await db.Users
            .Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.PhoneNumber, u.ConsulateCode, u.PreferredLanguage, Ports = u.Ports.OrderBy(p => p.PortCode).Select(p => p.PortCode).ToList() })
            .FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return TypedResults.NotFound();
        }
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToList();
        return TypedResults.Ok(new Response(user.Email, user.PhoneNumber, roles, user.Ports, user.ConsulateCode, user.PreferredLanguage));
    }
}
