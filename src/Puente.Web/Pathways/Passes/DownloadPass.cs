using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Puente.Web.Accounts;
using Puente.Web.Hosting;
using Puente.Web.Pathways.Appointments;

namespace Puente.Web.Pathways.Passes;

/// <summary>One of the caller's own passes as a file to keep (PNG or PDF), in the caller's language.</summary>
internal sealed class DownloadPass(UserManager<PuenteUser> users, GetPass getPass, Problems problems, IStringLocalizer<SharedResource> text)
{
    public async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(
        Guid appointmentId, ClaimsPrincipal user, Func<PassSheet, byte[]> render, string contentType, string extension, CancellationToken cancellationToken) =>
        await getPass.Handle(appointmentId, users.GetUserId(user)!, cancellationToken) is { } pass
            ? TypedResults.File(render(PassSheet.For(pass, text)), contentType, PassSheet.FileName(pass, extension))
            : AppointmentsApi.NotFound(problems, appointmentId);
}
