using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Web.Accounts;

namespace Puente.Web.Accounts;

internal sealed class LogoutModel(SignInManager<PuenteUser> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPost()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
