using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Puente.Web.Accounts;

namespace Puente.Web.Hosting;

internal static class Authentication
{
    /// <summary>The name Identity gives its bearer-or-cookie scheme (not public in the framework).</summary>
    public const string CombinedScheme = "Identity.BearerAndApplication";

    public static void ConfigureCookie(CookieAuthenticationOptions cookie)
    {
        cookie.LoginPath = "/Account/Login";
        cookie.LogoutPath = "/Account/Logout";
        cookie.AccessDeniedPath = "/Account/Denied";
        cookie.Cookie.Name = "puente.auth";
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // API clients get a status code they can act on, never a redirect to an HTML page.
        cookie.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);
    }

    private static Task ApiStatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.HttpContext.IsApi())
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Identity's combined scheme challenges with the bearer scheme (a bare 401). A person on a page
    /// should instead be sent to the sign-in page, so only API paths keep the bearer challenge.
    /// The combined scheme is Identity's own handler with plain <see cref="AuthenticationSchemeOptions"/>,
    /// not a policy scheme: options of any other type never reach it. Authenticating still tries both
    /// bearer and cookie (Identity forwards it to the handler itself), so a page's script can call the API.
    /// </summary>
    public static void ChallengeByPath(AuthenticationSchemeOptions options) =>
        options.ForwardDefaultSelector = context => context.IsApi() ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;

    /// <summary>One policy per role, named after it, so route groups say who may enter.</summary>
    public static AuthorizationBuilder AddPuentePolicies(this AuthorizationBuilder authorization)
    {
        foreach (var role in Roles.All)
        {
            authorization.AddPolicy(role, p => p.RequireAuthenticatedUser().RequireRole(role));
        }
        return authorization;
    }
}
