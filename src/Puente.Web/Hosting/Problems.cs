using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Puente.Web.Hosting;

/// <summary>
/// The stable <c>code</c> of every API problem. Clients branch on the code; the title and detail are
/// for people and come from the resources in the caller's language (<c>Problem_{code}_Title</c>, <c>_Detail</c>).
/// </summary>
internal static class ProblemCodes
{
    public const string InvalidDate = "dates.invalid";
    public const string PortNotFound = "ports.not-found";
    public const string DrawNotFound = "draws.not-found";

    public const string WindowNotOpen = "requests.window-not-open";
    public const string AlreadyRequested = "requests.already-requested";
    public const string EntryTaken = "requests.entry-taken";
    public const string ContactUnverified = "requests.contact-unverified";
    public const string VerificationNotFound = "registration.verification-not-found";
    public const string CodeWrong = "registration.code-wrong";
    public const string CodeExpired = "registration.code-expired";
    public const string CodeTriesExhausted = "registration.code-tries-exhausted";
    public const string ContactTaken = "registration.contact-taken";
    public const string ResendTooSoon = "registration.resend-too-soon";
    public const string ResendLimit = "registration.resend-limit";
    public const string TravellerInRequest = "registration.traveller-in-request";
    public const string ApplicantNotRemovable = "registration.applicant-not-removable";
    public const string KeyReused = "requests.key-reused";
    public const string RequestNotFound = "requests.not-found";
    public const string TooLateToWithdraw = "requests.withdraw-closed";
    public const string AlreadyWithdrawn = "requests.already-withdrawn";

    public const string AppointmentNotFound = "appointments.not-found";
    public const string AlreadyCancelled = "appointments.already-cancelled";
    public const string CancelAfterCheckIn = "appointments.already-checked-in";
    public const string CancelNoShow = "appointments.no-show";

    public const string InvalidSignature = "checkins.invalid-signature";
    public const string OtherPort = "checkins.other-port";
    public const string OtherDate = "checkins.other-date";
    public const string UnknownPass = "checkins.unknown-pass";
    public const string AlreadyUsed = "checkins.already-used";
    public const string IdentityAlreadyAdmitted = "checkins.identity-already-admitted";
    public const string NobodyPresent = "checkins.nobody-present";
    public const string PassCancelled = "checkins.cancelled";
    public const string PassNoShow = "checkins.no-show";
    public const string PassCheckedIn = "checkins.checked-in";
    public const string PassReplaced = "checkins.replaced";

    public const string LaneTransitionRefused = "ports.transition-refused";
    public const string ClosureNotFound = "closures.not-found";
    public const string ClosureNotClosed = "closures.not-closed";

    public const string ScheduleFrozen = "capacity.frozen";

    // Ports: closure costs
    public const string NoSuchLane = "costs.no-such-lane";
    public const string NoBaseline = "costs.no-baseline";
    public const string JurisdictionQuery = "consulates.query-invalid";
    public const string JurisdictionUnmapped = "consulates.unmapped";
    public const string JurisdictionBeforeCoverage = "consulates.before-coverage";

    public const string CaseNotFound = "protection.not-found";
    public const string CaseHeldByOther = "protection.held-by-other";
    public const string CaseNotHeld = "protection.not-held";
    public const string CaseStale = "protection.stale";
    public const string CaseTransitionRefused = "protection.transition-refused";
    public const string CaseQueueUnknown = "protection.queue-unknown";
    public const string CaseSearchTooShort = "protection.search-too-short";

    public const string OpenDataNotFound = "opendata.not-found";

    public const string SignInFailed = "auth.failed";
    public const string LockedOut = "auth.locked-out";
    public const string SignInNotAllowed = "auth.not-allowed";
    public const string SignInThrottled = "auth.throttled";

    public const string Validation = "validation.failed";
    public const string UnreadableBody = "http.unreadable-body";
    public const string BodyTooLarge = "http.body-too-large";
    public const string BadRequest = "http.bad-request";
    public const string Unauthorized = "http.unauthorized";
    public const string Forbidden = "http.forbidden";
    public const string NotFound = "http.not-found";
    public const string MethodNotAllowed = "http.method-not-allowed";
    public const string UnsupportedMediaType = "http.unsupported-media-type";
    public const string TooManyRequests = "http.too-many-requests";
    public const string AntiforgeryMissing = "http.antiforgery";
    public const string ServerError = "http.server-error";
    public const string Other = "http.error";

    /// <summary>The code of a problem the framework raised with nothing but a status.</summary>
    public static string ForStatus(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => BadRequest,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => BodyTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        >= 500 => ServerError,
        _ => Other,
    };
}

/// <summary>Writes a problem's code, title and detail in the request's language: the one place API problems get their text.</summary>
internal sealed class Problems(IStringLocalizer<SharedResource> text)
{
    public const string CodeMember = "code";

    /// <summary>Beside <c>errors</c> (text per field), the codes per field, so clients branch without parsing text.</summary>
    public const string FieldCodesMember = "fieldCodes";

    /// <summary>A problem result; arguments fill the detail's placeholders (format dates before passing them).</summary>
    public ProblemHttpResult Result(int status, string code, params string[] arguments) =>
        Result(status, code, extensions: null, arguments);

    /// <summary>A date in a URL that is not <c>yyyy-MM-dd</c> within <see cref="IsoDates.Range"/>.</summary>
    public ProblemHttpResult InvalidDate(string value) => Result(StatusCodes.Status400BadRequest, ProblemCodes.InvalidDate, [value, .. IsoDates.Range]);

    /// <summary>A port code the registry does not know.</summary>
    public ProblemHttpResult PortNotFound(string port) => Result(StatusCodes.Status404NotFound, ProblemCodes.PortNotFound, port);

    public ProblemHttpResult Result(int status, string code, IDictionary<string, object?>? extensions, params string[] arguments)
    {
        var problem = new ProblemDetails { Status = status };
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }
        Describe(problem, code, arguments);
        return TypedResults.Problem(problem);
    }

    public void Describe(ProblemDetails problem, string code, params string[] arguments)
    {
        problem.Extensions[CodeMember] = code;
        problem.Title = text[$"Problem_{code}_Title"];
        problem.Detail = Detail(code, arguments);
    }

    public string Detail(string code, params string[] arguments) => text[$"Problem_{code}_Detail", arguments];

    /// <summary>A 400 validation problem: each field's messages under <c>errors</c>, their codes under <c>fieldCodes</c>.</summary>
    public ValidationProblem Validation(IReadOnlyList<FieldError> errors)
    {
        var fields = errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToList();
        var result = TypedResults.ValidationProblem(
            fields.ToDictionary(f => f.Key, f => f.Select(e => e.Text(text)).ToArray(), StringComparer.Ordinal),
            extensions: new Dictionary<string, object?>
            {
                [FieldCodesMember] = fields.ToDictionary(f => f.Key, f => f.Select(e => e.Code).ToArray(), StringComparer.Ordinal),
            });
        Describe(result.ProblemDetails, ProblemCodes.Validation);
        return result;
    }
}
