using System.Globalization;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Puente.Web.Hosting;

namespace Puente.Web.Accounts;

/// <summary>
/// Bearer tokens for API clients: sign in and refresh. Of Identity's API only these two are mapped;
/// accounts are created by applicant registration or by `puente users add` (ADR 0007).
/// </summary>
internal static class SignInApi
{
    public sealed record LoginRequest
    {
        public required string Email { get; init; }
        public required string Password { get; init; }
    }

    public sealed record RefreshRequest
    {
        public required string RefreshToken { get; init; }
    }

    public static RouteGroupBuilder MapSignInApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Accounts").AllowAnonymous().RequireRateLimiting(RateLimiting.SignInPolicy);
        group.MapPost("/login", Login).Produces<AccessTokenResponse>()
            .WithSummary("A bearer token and a refresh token for an email and password.");
        group.MapPost("/refresh", Refresh).Produces<AccessTokenResponse>()
            .WithSummary("A new bearer token and refresh token for a refresh token that is still valid.");
        return group;
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(
        LoginRequest login, SignIn check, SignInManager<PuenteUser> signIn, Problems problems, HttpContext http, CancellationToken ct)
    {
        // `required` rejects a missing field; an explicit null still arrives here.
        if (login.Email is null || login.Password is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest);
        }
        switch (await check.Handle(login.Email, login.Password, http.Connection.RemoteIpAddress, ct))
        {
            case SignIn.SignedIn signedIn:
                // An account still waiting for its code signs in too, to verify and to see its registration;
                // it cannot ask for appointments until verified. The bearer handler writes the tokens as the response.
                signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
                await signIn.SignInAsync(signedIn.User, isPersistent: false);
                return TypedResults.Empty;
            case SignIn.Throttled throttled:
                var seconds = Math.Max(1, (int)Math.Ceiling(throttled.Wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                http.Response.Headers.RetryAfter = seconds;
                return problems.Result(StatusCodes.Status429TooManyRequests, ProblemCodes.SignInThrottled, seconds);
            case SignIn.NotAllowed:
                return problems.Result(StatusCodes.Status401Unauthorized, ProblemCodes.SignInNotAllowed);
            default:
                return problems.Result(StatusCodes.Status401Unauthorized, ProblemCodes.SignInFailed);
        }
    }

    public static async Task<Results<SignInHttpResult, ChallengeHttpResult>> Refresh(
        RefreshRequest refresh, SignInManager<PuenteUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(refresh.RefreshToken);
        // Forged, expired, or older than the account's last password or role change (its security stamp).
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return TypedResults.Challenge();
        }
        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }
}
