using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Puente.Web.Hosting;

namespace Puente.Web.Pathways.Registration;

/// <summary>Recovering access without JavaScript: ask for a code, then type it with a new password.</summary>
[EnableRateLimiting(RateLimiting.SignInPolicy)]
internal sealed class RecoverModel(SendRecoveryCode send, ResetPassword reset, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public string? Contact { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Password { get; set; }

    public bool Sent { get; private set; }
    public bool Done { get; private set; }
    public List<string> Problems { get; } = [];

    /// <summary>The same page whatever the contact: sent, unknown or unverified look alike.</summary>
    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        await send.Handle(Contact, cancellationToken);
        Sent = true;
        return Page();
    }

    public async Task<IActionResult> OnPostReset(CancellationToken cancellationToken)
    {
        Sent = true;
        switch (await reset.Handle(Contact, Code, Password, cancellationToken))
        {
            case ResetPassword.Reset:
                Done = true;
                break;
            case ResetPassword.Invalid invalid:
                Problems.AddRange(invalid.Errors.Select(e => e.Text(text)).Distinct());
                break;
            default:
                Problems.Add(text["Recover_CodeRefused"]);
                break;
        }
        return Page();
    }
}
