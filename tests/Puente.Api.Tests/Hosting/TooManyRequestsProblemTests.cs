using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Hosting;

namespace Puente.Api.Tests.Hosting;

/// <summary>The 429 written from encoded texts says exactly what the problem details service would write.</summary>
public sealed class TooManyRequestsProblemTests
{
    [Theory]
    [InlineData("es", 2, 1_734L)]
    [InlineData("en", 1, 1_000L)]
    [InlineData("ht", 61, 60_250L)]
    [InlineData("en", 3_600, 3_599_001L)]
    public async Task The_refusal_body_is_the_problem_any_other_refusal_gets_in_the_readers_language(string language, int seconds, long retryAfterMs)
    {
        await using var app = new PuenteApp();
        await using var scope = app.Services.CreateAsyncScope();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            // Twice: the second answer comes from the texts the first one encoded.
            for (var time = 0; time < 2; time++)
            {
                var quick = Context(scope.ServiceProvider);
                await scope.ServiceProvider.GetRequiredService<TooManyRequestsProblem>().Write(quick, seconds, retryAfterMs);

                var usual = Context(scope.ServiceProvider);
                var problem = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests };
                problem.Extensions["retryAfterMs"] = retryAfterMs;
                scope.ServiceProvider.GetRequiredService<Problems>().Describe(problem, ProblemCodes.TooManyRequests, seconds.ToString(CultureInfo.InvariantCulture));
                await scope.ServiceProvider.GetRequiredService<IProblemDetailsService>().WriteAsync(new() { HttpContext = usual, ProblemDetails = problem });

                Assert.Equal(usual.Response.ContentType, quick.Response.ContentType);
                var expected = Members(usual);
                Assert.Equal(expected, Members(quick));
                Assert.Contains(seconds.ToString(CultureInfo.InvariantCulture), expected["detail"], StringComparison.Ordinal);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static DefaultHttpContext Context(IServiceProvider services)
    {
        var context = new DefaultHttpContext { RequestServices = services, TraceIdentifier = "0HNREFUSED:00000007" };
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = "/api/requests";
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static SortedDictionary<string, string> Members(HttpContext context)
    {
        var body = ((MemoryStream)context.Response.Body).ToArray();
        using var json = JsonDocument.Parse(body);
        return new(json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString()), StringComparer.Ordinal);
    }
}
