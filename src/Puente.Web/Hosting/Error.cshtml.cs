using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Puente.Web.Hosting;

/// <summary>The page people see for any error status; API callers get ProblemDetails instead.</summary>
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error_Generic_Title";
    public string TextKey { get; private set; } = "Error_Generic_Text";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        (TitleKey, TextKey) = status switch
        {
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
