using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Puente.Web.Hosting;

/// <summary>
/// Token buckets: a full bucket is the burst a group may spend at once, refilled at a steady rate.
/// The defaults let 300 people behind one address (a shelter's Wi-Fi, carrier-grade NAT) each
/// register, verify, sign in and ask for appointments within one minute (docs/operators/configuration.md).
/// </summary>
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Requests of a signed-in account: a burst, and the refill per <see cref="WindowSeconds"/>.</summary>
    [Range(1, 1_000_000)]
    public int AccountBurst { get; set; } = 300;
    [Range(1, 1_000_000)]
    public int AccountPerWindow { get; set; } = 300;

    /// <summary>Requests of people not signed in, per client address: 300 people × ~10 requests each.</summary>
    [Range(1, 1_000_000)]
    public int AnonymousBurst { get; set; } = 3000;
    [Range(1, 1_000_000)]
    public int AnonymousPerWindow { get; set; } = 1500;

    /// <summary>Sign-in, registration and code POSTs per client address: 300 people × 3 (register, verify, sign in).
    /// Guessing one account's password is slowed by <c>SignInThrottle</c>, per address and account.</summary>
    [Range(1, 1_000_000)]
    public int SignInBurst { get; set; } = 1000;
    [Range(1, 1_000_000)]
    public int SignInPerWindow { get; set; } = 300;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Submissions this instance works on at once: enough to keep the database's connections
    /// busy, few enough that each one's round trips are not queued behind the others' in the pool.</summary>
    [Range(1, 10_000)]
    public int SubmissionConcurrency { get; set; } = 32;

    /// <summary>Submissions that wait for a turn, oldest first; beyond them a surge is answered 429
    /// at once. With the defaults the longest wait is ~160 submissions' worth (a few tens of ms).</summary>
    [Range(0, 100_000)]
    public int SubmissionQueue { get; set; } = 128;

    /// <summary>How long a refused submission is told to wait; each refusal adds up to as much again
    /// at random, so the refused do not all come back at the same instant.</summary>
    [Range(1, 600_000)]
    public int SubmissionRetryAfterMs { get; set; } = 1000;
}

internal static class RateLimiting
{
    public const string SignInPolicy = "sign-in";

    /// <summary>Accents and Creole letters as UTF-8, as the pages write them.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static IServiceCollection AddPuenteRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new();
        var window = TimeSpan.FromSeconds(options.WindowSeconds);
        var account = Bucket(options.AccountBurst, options.AccountPerWindow, window);
        var anonymous = Bucket(options.AnonymousBurst, options.AnonymousPerWindow, window);
        var signIn = Bucket(options.SignInBurst, options.SignInPerWindow, window);
        services.AddSingleton<SubmissionQueue>();

        services.AddRateLimiter(limiter =>
        {
            // Runs after authentication: a signed-in person spends their own account's bucket, wherever they are.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/health") ? RateLimitPartition.GetNoLimiter("health")
                : context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
                    ? RateLimitPartition.GetTokenBucketLimiter("account:" + userId, _ => account)
                    : RateLimitPartition.GetTokenBucketLimiter("address:" + ClientKey(context), _ => anonymous));
            // Only attempts count: reading the sign-in or registration page, or correcting a form, costs nothing here.
            limiter.AddPolicy(SignInPolicy, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetTokenBucketLimiter(ClientKey(context), _ => signIn)
                    : RateLimitPartition.GetNoLimiter("read"));
            limiter.OnRejected = (rejected, _) =>
                Reject(rejected.HttpContext, rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window);
        });
        return services;
    }

    /// <summary>
    /// A 429 with <c>Retry-After</c> in whole seconds, as HTTP defines it: ProblemDetails for the API,
    /// with the wait to the millisecond in <c>retryAfterMs</c>; a page in the reader's language for people.
    /// </summary>
    public static async ValueTask Reject(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (context.IsApi())
        {
            var problem = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests };
            problem.Extensions["retryAfterMs"] = Math.Max(1L, (long)Math.Ceiling(retryAfter.TotalMilliseconds));
            context.RequestServices.GetRequiredService<Problems>().Describe(problem, ProblemCodes.TooManyRequests, seconds.ToString(CultureInfo.InvariantCulture));
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new() { HttpContext = context, ProblemDetails = problem });
            return;
        }
        var html = Html;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{html.Encode(text["RateLimited_Title"])} · Puente</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main id="main"><h1>{html.Encode(text["RateLimited_Title"])}</h1>
            <p>{html.Encode(text["RateLimited_Text", InWords(text, TimeSpan.FromSeconds(seconds))])}</p>
            <p><a href="/">{html.Encode(text["Error_BackHome"])}</a></p></main></body>
            </html>
            """, context.RequestAborted);
    }

    /// <summary>"45 seconds", "3 minutes": how long to wait, as a person says it.</summary>
    public static string InWords(IStringLocalizer text, TimeSpan wait) =>
        wait < TimeSpan.FromSeconds(90)
            ? text["Wait_Seconds", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))]
            : text["Wait_Minutes", (int)Math.Ceiling(wait.TotalMinutes)];

    /// <summary>The client's address: the connection's, or the forwarded one when a configured proxy sent it (<see cref="ClientAddress"/>).</summary>
    public static string ClientKey(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static TokenBucketRateLimiterOptions Bucket(int burst, int perWindow, TimeSpan window) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perWindow,
        ReplenishmentPeriod = window,
        AutoReplenishment = true,
        QueueLimit = 0,
    };
}

/// <summary>
/// The bounded queue in front of submissions, one per instance: a fixed number at work, a fixed number
/// waiting oldest first, and every one beyond refused at once with a short <c>Retry-After</c>, so a
/// surge costs the refused a retry instead of costing everyone a timeout. Only POSTs to endpoints marked
/// <see cref="QueuedSubmissionAttribute"/> queue. It runs before authentication: a refusal must cost next
/// to nothing, and reading the token and its account's stamp is most of what a submission costs above
/// the database. Requests without credentials still take a place only for as long as their 401 takes.
/// </summary>
internal sealed class SubmissionQueue(IOptions<RateLimitOptions> configured) : IDisposable
{
    private readonly RateLimitOptions options = configured.Value;

    private readonly ConcurrencyLimiter limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = configured.Value.SubmissionConcurrency,
        QueueLimit = configured.Value.SubmissionQueue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public void Dispose() => limiter.Dispose();

    public static Task Middleware(HttpContext context, RequestDelegate next) =>
        HttpMethods.IsPost(context.Request.Method) && context.GetEndpoint()?.Metadata.GetMetadata<QueuedSubmissionAttribute>() is not null
            ? context.RequestServices.GetRequiredService<SubmissionQueue>().Admit(context, next)
            : next(context);

    private async Task Admit(HttpContext context, RequestDelegate next)
    {
        using var lease = await limiter.AcquireAsync(1, context.RequestAborted);
        if (!lease.IsAcquired)
        {
            await RateLimiting.Reject(context, TimeSpan.FromMilliseconds(
                options.SubmissionRetryAfterMs + System.Security.Cryptography.RandomNumberGenerator.GetInt32(options.SubmissionRetryAfterMs + 1)));
            return;
        }
        await next(context);
    }
}

/// <summary>Marks an endpoint whose POSTs wait in the <see cref="SubmissionQueue"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class QueuedSubmissionAttribute : Attribute;

/// <summary>
/// Behind a load balancer every connection comes from the balancer; its <c>X-Forwarded-For</c> names
/// the client. Only proxies listed in configuration are believed: anyone else could write the header.
/// Off (the connection's address is the client's) until a proxy or network is configured.
/// </summary>
internal sealed class ClientAddressOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies in front of Puente, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row are believed, from the nearest.</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;
}

internal static class ClientAddress
{
    public static IServiceCollection AddPuenteClientAddress(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClientAddressOptions>()
            .Bind(configuration.GetSection(ClientAddressOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "ForwardedHeaders:KnownProxies holds an entry that is not an IP address.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "ForwardedHeaders:KnownNetworks holds an entry that is not a network in CIDR form (10.0.0.0/24).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ClientAddressOptions>>((forwarded, configured) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = configured.Value.ForwardLimit;
            // The framework's defaults trust loopback; Puente trusts exactly what is configured.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in configured.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in configured.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after sees the client's address.</summary>
    public static IApplicationBuilder UsePuenteClientAddress(this IApplicationBuilder app, IConfiguration configuration)
    {
        var configured = configuration.GetSection(ClientAddressOptions.Section).Get<ClientAddressOptions>() ?? new();
        return configured.KnownProxies.Length + configured.KnownNetworks.Length > 0 ? app.UseForwardedHeaders() : app;
    }
}
