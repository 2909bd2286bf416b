using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Puente.Web.Hosting;

/// <summary>The page people see for any error status; API callers get ProblemDetails instead.</summary>
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error_Generic_Title";
    public string TextKey { get; private set; } = "Error_Generic_Text";
    public int Status { get; private set; } = StatusCodes.Status500InternalServerError;

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Reached after an exception, the status is the one the exception handler chose (a server error, or 400 for
        // input the database cannot hold); visited by hand without a code, there is no error to show, and nothing here
        // went wrong: it reads as a page that does not exist.
        var failed = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null;
        var status = code is >= 400 and <= 599 ? code.Value
            : failed ? (Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode : StatusCodes.Status500InternalServerError)
            : StatusCodes.Status404NotFound;
        Status = status;
        (TitleKey, TextKey) = status switch
        {
            StatusCodes.Status403Forbidden => ("Denied_Title", "Denied_Text"),
            StatusCodes.Status404NotFound => ("Error_NotFound_Title", "Error_NotFound_Text"),
            StatusCodes.Status429TooManyRequests => ("Error_TooMany_Title", "Error_TooMany_Text"),
            StatusCodes.Status400BadRequest => ("Error_BadRequest_Title", "Error_BadRequest_Text"),
            _ => ("Error_Generic_Title", "Error_Generic_Text"),
        };
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = status;
        }
    }
}
