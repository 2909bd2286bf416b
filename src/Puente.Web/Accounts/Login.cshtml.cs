using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Puente.Web.Hosting;
using Check = Puente.Web.Accounts.SignIn;

namespace Puente.Web.Accounts;

[EnableRateLimiting(RateLimiting.SignInPolicy)]
internal sealed class LoginModel(Check signInCheck, SignInManager<PuenteUser> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    public string? Email { get; private set; }
    public string? ReturnUrl { get; private set; }
    public string? ErrorKey { get; private set; }
    public string[] ErrorArguments { get; private set; } = [];

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPost(string? email, string? password, string? returnUrl)
    {
        Email = email;
        ReturnUrl = returnUrl;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            ErrorKey = "Login_Missing";
            return Page();
        }
        switch (await signInCheck.Handle(email, password, HttpContext.Connection.RemoteIpAddress, HttpContext.RequestAborted))
        {
            case Check.SignedIn signedIn:
                // Cookie sign-in for pages; the API signs in through /api/auth/login.
                signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
                await signIn.SignInAsync(signedIn.User, isPersistent: false);
                return signedIn.Pending ? RedirectToPage("/Pathways/Registration/Verify") : LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
            case Check.Throttled throttled:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(throttled.Wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                ErrorKey = "Login_Throttled";
                ErrorArguments = [RateLimiting.InWords(text, throttled.Wait)];
                return Page();
            case Check.NotAllowed:
                ErrorKey = "Login_NotAllowed";
                return Page();
            default:
                ErrorKey = "Login_Failed";
                return Page();
        }
    }
}
