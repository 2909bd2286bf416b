using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Accounts;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Web.Pathways.Registration;

/// <summary>Where a new applicant types the code sent to their e-mail or phone, or asks for another.</summary>
[Authorize(Policy = Roles.Applicant)]
[EnableRateLimiting(RateLimiting.SignInPolicy)]
internal sealed class VerifyModel(
    UserManager<PuenteUser> users, SignInManager<PuenteUser> signIn, PuenteDb db, VerifyContact verify, ResendCode resend, Problems problems) : PageModel
{
    [BindProperty] public string? Code { get; set; }

    public string SentTo { get; private set; } = "";
    public string? Error { get; private set; }
    public bool Resent { get; private set; }

    public async Task<IActionResult> OnGet(CancellationToken ct) => await Show(ct);

    public async Task<IActionResult> OnPostVerify(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        var outcome = await verify.Handle(userId, Code, ct);
        if (outcome is VerifyContact.Verified or VerifyContact.AlreadyVerified)
        {
            // The user name changed to the contact: a fresh cookie carries it.
            if (await users.FindByIdAsync(userId) is { } user)
            {
                await signIn.RefreshSignInAsync(user);
            }
            return LocalRedirect("/Apply");
        }
        Error = outcome switch
        {
            VerifyContact.Wrong w => problems.Detail(ProblemCodes.CodeWrong, w.TriesLeft.ToString(CultureInfo.InvariantCulture)),
            VerifyContact.Expired => problems.Detail(ProblemCodes.CodeExpired),
            VerifyContact.NoTriesLeft => problems.Detail(ProblemCodes.CodeTriesExhausted),
            VerifyContact.ContactTaken => problems.Detail(ProblemCodes.ContactTaken),
            _ => problems.Detail(ProblemCodes.VerificationNotFound),
        };
        return await Show(ct);
    }

    public async Task<IActionResult> OnPostResend(CancellationToken ct)
    {
        switch (await resend.Handle(users.GetUserId(User)!, ct))
        {
            case ResendCode.Sent:
                Resent = true;
                break;
            case ResendCode.TooSoon soon:
                Error = problems.Detail(ProblemCodes.ResendTooSoon, soon.Seconds.ToString(CultureInfo.InvariantCulture));
                break;
            case ResendCode.LimitReached:
                Error = problems.Detail(ProblemCodes.ResendLimit);
                break;
            default:
                Error = problems.Detail(ProblemCodes.VerificationNotFound);
                break;
        }
        return await Show(ct);
    }

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        var contact = await db.ContactVerifications.AsNoTracking().Where(v => v.UserId == userId).Select(v => v.Contact).FirstOrDefaultAsync(ct);
        if (contact is null)
        {
            // Nothing left to verify.
            return LocalRedirect("/Apply");
        }
        SentTo = ContactAddress.Masked(contact);
        return Page();
    }
}
