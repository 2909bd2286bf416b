using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Puente.Web.Accounts;
using Puente.Web.Hosting;
using Puente.Web.Pathways.Registration;

namespace Puente.Web.Accounts;

[EnableRateLimiting(RateLimiting.SignInPolicy)]
internal sealed class LoginModel(SignInManager<PuenteUser> signIn, FindUnverifiedAccount unverified) : PageModel
{
    public string? Email { get; private set; }
    public string? ReturnUrl { get; private set; }
    public string? ErrorKey { get; private set; }

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
        // Cookie sign-in for pages; the API signs in through /api/auth/login.
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(ContactAddress.SignInName(email), password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }
        if (!result.IsLockedOut && await unverified.Handle(email, password, HttpContext.RequestAborted) is { } pending)
        {
            await signIn.SignInAsync(pending, isPersistent: false);
            return RedirectToPage("/Pathways/Registration/Verify");
        }
        ErrorKey = result.IsLockedOut ? "Login_LockedOut" : "Login_Failed";
        return Page();
    }
}
