using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Puente.Web.Accounts;
using Puente.Web.Hosting;

namespace Puente.Web.Pathways.Registration;

internal static class RegistrationApi
{
    public sealed record VerifyRequest(string? ApplicantId, string? Code);

    public sealed record ResendRequest(string? ApplicantId);

    public sealed record VerifiedResponse(string ApplicantId, bool Verified);

    public static IEndpointRouteBuilder MapRegistrationApi(this IEndpointRouteBuilder app)
    {
        var anonymous = app.MapGroup("/api/applicants").AllowAnonymous().WithTags("Pathways").RequireRateLimiting(RateLimiting.SignInPolicy);
        anonymous.MapPost("", Register)
            .WithSummary("Register an applicant account with the people who travel. A code goes to the e-mail or phone given.");
        anonymous.MapPost("/verify", Verify)
            .WithSummary("Verify the account's contact with the six-digit code (15 minutes, 5 tries). Required before any request.");
        anonymous.MapPost("/resend", Resend)
            .WithSummary("Send a new code: the previous one stops working.");
        app.MapPut("/api/applicants/me/travellers/{travellerId:guid}/photo", PutPhoto).WithTags("Pathways").RequireAuthorization(Roles.Applicant)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(TravellerPhotos.MaxUploadBytes))
            .WithSummary("A photo of one of the caller's travellers: the image (JPEG, PNG or WebP) as the body. Kept as a small JPEG without metadata, encrypted.");
        var travellers = app.MapGroup("/api/applicants/me/travellers").WithTags("Pathways").RequireAuthorization(Roles.Applicant);
        travellers.MapPost("", AddTraveller)
            .WithSummary("Add a companion to the caller's registration, with the rules of registering.");
        travellers.MapPut("/{travellerId:guid}", CorrectTraveller)
            .WithSummary("Correct one of the caller's travellers; refused (409) once the traveller is in a request.");
        travellers.MapDelete("/{travellerId:guid}", DeleteTraveller)
            .WithSummary("Remove a companion from the caller's registration; refused (409) once in a request, or for the applicant.");
        app.MapGet("/api/applicants/me", Me).WithTags("Pathways").RequireAuthorization(Roles.Applicant)
            .WithSummary("The caller's registration and travellers.");
        return app;
    }

    public static async Task<Results<Created<RegisterApplicant.Response>, ValidationProblem>> Register(
        RegisterApplicant.Command command, RegisterApplicant handler, Problems problems, CancellationToken ct) =>
        await handler.Handle(command, ct) switch
        {
            RegisterApplicant.Registered registered => TypedResults.Created("/api/applicants/me", registered.Account),
            RegisterApplicant.Invalid invalid => problems.Validation(invalid.Errors),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };

    public static async Task<Results<Ok<VerifiedResponse>, ValidationProblem, ProblemHttpResult>> Verify(
        VerifyRequest request, VerifyContact handler, Problems problems, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(request.ApplicantId) ? problems.Validation([new FieldError("applicantId", FieldCodes.ApplicantIdRequired)])
        : await handler.Handle(request.ApplicantId, request.Code, ct) switch
        {
            VerifyContact.Verified => TypedResults.Ok(new VerifiedResponse(request.ApplicantId!, true)),
            VerifyContact.AlreadyVerified => TypedResults.Ok(new VerifiedResponse(request.ApplicantId!, true)),
            VerifyContact.NotFound => problems.Result(StatusCodes.Status404NotFound, ProblemCodes.VerificationNotFound),
            VerifyContact.Wrong w => problems.Result(StatusCodes.Status400BadRequest, ProblemCodes.CodeWrong,
                new Dictionary<string, object?> { ["triesLeft"] = w.TriesLeft }, w.TriesLeft.ToString(CultureInfo.InvariantCulture)),
            VerifyContact.Expired => problems.Result(StatusCodes.Status410Gone, ProblemCodes.CodeExpired),
            VerifyContact.NoTriesLeft => problems.Result(StatusCodes.Status409Conflict, ProblemCodes.CodeTriesExhausted),
            VerifyContact.ContactTaken => problems.Result(StatusCodes.Status409Conflict, ProblemCodes.ContactTaken),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };

    public static async Task<Results<Ok<RegisterApplicant.VerificationResponse>, ValidationProblem, ProblemHttpResult>> Resend(
        ResendRequest request, ResendCode handler, Problems problems, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.ApplicantId))
        {
            return problems.Validation([new FieldError("applicantId", FieldCodes.ApplicantIdRequired)]);
        }
        switch (await handler.Handle(request.ApplicantId, ct))
        {
            case ResendCode.Sent sent:
                return TypedResults.Ok(sent.Verification);
            case ResendCode.TooSoon soon:
                http.Response.Headers.RetryAfter = soon.Seconds.ToString(CultureInfo.InvariantCulture);
                return problems.Result(StatusCodes.Status429TooManyRequests, ProblemCodes.ResendTooSoon, soon.Seconds.ToString(CultureInfo.InvariantCulture));
            case ResendCode.LimitReached:
                return problems.Result(StatusCodes.Status429TooManyRequests, ProblemCodes.ResendLimit);
            default:
                return problems.Result(StatusCodes.Status404NotFound, ProblemCodes.VerificationNotFound);
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> PutPhoto(
        Guid travellerId, HttpRequest request, ClaimsPrincipal user, UserManager<PuenteUser> users, SaveTravellerPhoto save, Problems problems, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        return await save.Handle(users.GetUserId(user)!, travellerId, body.ToArray(), ct) switch
        {
            SaveTravellerPhoto.Saved => TypedResults.NoContent(),
            SaveTravellerPhoto.NotAnImage => problems.Validation([new FieldError("photo", FieldCodes.PhotoInvalid,
                (TravellerPhotos.MaxUploadBytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture))]),
            _ => problems.Result(StatusCodes.Status404NotFound, ProblemCodes.NotFound),
        };
    }

    public static async Task<Results<Created<RegisterApplicant.TravellerResponse>, ValidationProblem, ProblemHttpResult>> AddTraveller(
        RegisterApplicant.Person person, ClaimsPrincipal user, UserManager<PuenteUser> users, SaveTraveller save, Problems problems, CancellationToken ct) =>
        await save.Handle(users.GetUserId(user)!, null, person, ct) switch
        {
            SaveTraveller.Saved saved => TypedResults.Created($"/api/applicants/me/travellers/{saved.Traveller.Id}", saved.Traveller),
            SaveTraveller.Invalid invalid => problems.Validation(invalid.Errors),
            var other => TravellerProblem(other, problems),
        };

    public static async Task<Results<Ok<RegisterApplicant.TravellerResponse>, ValidationProblem, ProblemHttpResult>> CorrectTraveller(
        Guid travellerId, RegisterApplicant.Person person, ClaimsPrincipal user, UserManager<PuenteUser> users, SaveTraveller save, Problems problems,
        CancellationToken ct) =>
        await save.Handle(users.GetUserId(user)!, travellerId, person, ct) switch
        {
            SaveTraveller.Saved saved => TypedResults.Ok(saved.Traveller),
            SaveTraveller.Invalid invalid => problems.Validation(invalid.Errors),
            var other => TravellerProblem(other, problems),
        };

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteTraveller(
        Guid travellerId, ClaimsPrincipal user, UserManager<PuenteUser> users, RemoveTraveller remove, Problems problems, CancellationToken ct) =>
        await remove.Handle(users.GetUserId(user)!, travellerId, ct) switch
        {
            RemoveTraveller.Removed => TypedResults.NoContent(),
            RemoveTraveller.InRequest => problems.Result(StatusCodes.Status409Conflict, ProblemCodes.TravellerInRequest),
            RemoveTraveller.IsApplicant => problems.Result(StatusCodes.Status409Conflict, ProblemCodes.ApplicantNotRemovable),
            _ => problems.Result(StatusCodes.Status404NotFound, ProblemCodes.NotFound),
        };

    private static ProblemHttpResult TravellerProblem(SaveTraveller.Outcome outcome, Problems problems) => outcome switch
    {
        SaveTraveller.InRequest => problems.Result(StatusCodes.Status409Conflict, ProblemCodes.TravellerInRequest),
        _ => problems.Result(StatusCodes.Status404NotFound, ProblemCodes.NotFound),
    };

    public static async Task<Results<Ok<RegisterApplicant.Response>, NotFound>> Me(
        ClaimsPrincipal user, UserManager<PuenteUser> users, GetRegistration registration, CancellationToken ct) =>
        await registration.Handle(users.GetUserId(user)!, ct) is { } applicant ? TypedResults.Ok(applicant) : TypedResults.NotFound();
}
