using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Puente.Web.Hosting;

/// <summary>
/// The API accepts the sign-in cookie so that pages' scripts (the offline check-in) can call it; a
/// browser sends that cookie on a cross-site form too. So an unsafe API request authenticated by the
/// cookie must also carry the antiforgery token the page gave its scripts (the layout's
/// <c>csrf-token</c> meta tag) in <see cref="HeaderName"/>. A bearer token is never sent by a
/// browser on its own, so bearer requests need nothing more.
/// </summary>
internal static class ApiAntiforgery
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static async Task Middleware(HttpContext context, RequestDelegate next)
    {
        if (context.IsApi() && IsUnsafe(context.Request.Method) && context.User.Identity?.IsAuthenticated == true && !HasBearer(context.Request)
            && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            var problem = new ProblemDetails { Status = StatusCodes.Status400BadRequest };
            context.RequestServices.GetRequiredService<Problems>().Describe(problem, ProblemCodes.AntiforgeryMissing, HeaderName);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new() { HttpContext = context, ProblemDetails = problem });
            return;
        }
        await next(context);
    }

    private static bool IsUnsafe(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    private static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
