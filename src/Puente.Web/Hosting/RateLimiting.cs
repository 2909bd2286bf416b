using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Puente.Web.Hosting;

internal sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Requests each client address may make per window, across the whole site.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerWindow { get; set; } = 300;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Sign-in attempts per client address per window; low, to slow password guessing.</summary>
    [Range(1, 10_000)]
    public int SignInPermitsPerWindow { get; set; } = 10;
}

internal static class RateLimiting
{
    public const string SignInPolicy = "sign-in";

    public static IServiceCollection AddPuenteRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new();
        var window = TimeSpan.FromSeconds(options.WindowSeconds);

        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitsPerWindow,
                    Window = window,
                }));
            limiter.AddPolicy(SignInPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.SignInPermitsPerWindow,
                    Window = window,
                }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problem = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests };
                context.RequestServices.GetRequiredService<Problems>()
                    .Describe(problem, ProblemCodes.TooManyRequests, context.Response.Headers.RetryAfter.ToString());
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new() { HttpContext = context, ProblemDetails = problem });
            };
        });
        return services;
    }

    private static string ClientKey(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
