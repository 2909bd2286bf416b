using Microsoft.AspNetCore.Diagnostics;

namespace Puente.Web.Hosting;

internal static class ApiProblems
{
    public const long DefaultMaxRequestBodyBytes = 64 * 1024;

    public static bool IsApi(this HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static IServiceCollection AddPuenteProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            // A bad request body surfaces as BadHttpRequestException; say what was wrong, not "error".
            if (context.Exception is BadHttpRequestException bad)
            {
                context.ProblemDetails.Status = bad.StatusCode;
                context.HttpContext.Response.StatusCode = bad.StatusCode;
                context.ProblemDetails.Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "Request body too large"
                    : "The request could not be read";
                context.ProblemDetails.Detail = bad.Message;
            }
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
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "Request body too large",
                        Detail = $"Request bodies are limited to {maxBytes} bytes.",
                    },
                });
                return;
            }
            await next(context);
        });
}

/// <summary>Maps malformed requests that escaped model binding to their own status, not 500.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new() { HttpContext = httpContext, Exception = exception });
    }
}
