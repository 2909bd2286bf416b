using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Web.Accounts;

namespace Puente.Web.Pathways.Registration;

/// <summary>Where "request an appointment" takes someone not signed in: register, or sign in, or recover access.</summary>
internal sealed class StartModel : PageModel
{
    public IActionResult OnGet() => User.IsInRole(Roles.Applicant) ? Redirect("/Apply") : Page();
}
