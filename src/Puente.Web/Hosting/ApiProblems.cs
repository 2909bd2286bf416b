using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Puente.Web.Hosting;

internal static class ApiProblems
{
    public const long DefaultMaxRequestBodyBytes = 64 * 1024;

    public static bool IsApi(this HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static IServiceCollection AddPuenteProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            if (problem.Extensions.ContainsKey(Problems.CodeMember))
            {
                return;
            }
            // A problem the framework raised: give it a code and the caller's language.
            var problems = context.HttpContext.RequestServices.GetRequiredService<Problems>();
            if (context.Exception is BadHttpRequestException bad)
            {
                // A bad request body surfaces as BadHttpRequestException; say what was wrong, not "error".
                problem.Status = bad.StatusCode;
                context.HttpContext.Response.StatusCode = bad.StatusCode;
                if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    var limit = context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? DefaultMaxRequestBodyBytes;
                    problems.Describe(problem, ProblemCodes.BodyTooLarge, limit.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    problems.Describe(problem, ProblemCodes.UnreadableBody);
                }
                return;
            }
            problems.Describe(problem, problem is HttpValidationProblemDetails ? ProblemCodes.Validation : ProblemCodes.ForStatus(problem.Status));
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }

    /// <summary>
    /// Refuses API bodies above the limit before any handler reads them. Kestrel enforces its own
    /// limit too; this one also holds behind proxies and in the test server.
    /// </summary>
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app, long maxBytes) =>
        app.Use(async (context, next) =>
        {
            if (context.IsApi() && context.Request.ContentLength > maxBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                var problem = new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge };
                context.RequestServices.GetRequiredService<Problems>()
                    .Describe(problem, ProblemCodes.BodyTooLarge, maxBytes.ToString(CultureInfo.InvariantCulture));
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new() { HttpContext = context, ProblemDetails = problem });
                return;
            }
            await next(context);
        });
}

/// <summary>
/// Maps malformed requests that escaped model binding to their own status, not 500: a body Kestrel or the JSON reader
/// refused, and text PostgreSQL cannot hold (a NUL character in a name, an address or an identifier reaches the
/// database as a parameter, which PostgreSQL refuses; SQLite stores it).
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            _ when httpContext.IsApi() && IsTextTheDatabaseCannotHold(exception) => StatusCodes.Status400BadRequest,
            _ => 0,
        };
        if (status == 0)
        {
            return false;
        }
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new() { HttpContext = httpContext, Exception = exception });
    }

    /// <summary>The status of a page's error: 400 for text PostgreSQL cannot hold (a search or a ticket typed with a NUL
    /// character), as for the API; anything else is the server's fault.</summary>
    public static int PageStatus(Exception exception) =>
        IsTextTheDatabaseCannotHold(exception) ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError;

    private static bool IsTextTheDatabaseCannotHold(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.CharacterNotInRepertoire })
            {
                return true;
            }
        }
        return false;
    }
}
