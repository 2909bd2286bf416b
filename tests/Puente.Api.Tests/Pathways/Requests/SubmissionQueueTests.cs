using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Database;

namespace Puente.Api.Tests.Pathways.Requests;

/// <summary>A surge beyond what the queue holds is refused at once, and nothing acknowledged is lost.</summary>
public sealed class SubmissionQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submissions_beyond_the_one_at_work_and_the_one_waiting_get_429_with_retry_after_and_every_201_is_stored()
    {
        var held = new HeldInsert();
        await using var app = new PuenteApp(interceptors: [held], settings: new Dictionary<string, string?>
        {
            ["RateLimiting:SubmissionConcurrency"] = "1",
            ["RateLimiting:SubmissionQueue"] = "1",
            ["RateLimiting:SubmissionRetryAfterMs"] = "1500",
        });
        var driver = new PathwaysDriver(app);
        var applicants = new List<(HttpClient Client, JsonElement Registration)>();
        string[] families = ["Pérez", "López", "Désir", "Nuñez", "Marín", "Joseph", "Castillo", "Ortega"];
        foreach (var (family, i) in families.Select((f, i) => (f, i)))
        {
            applicants.Add(await driver.SignedInApplicant($"surge{i}@puente.test", "Ana", family));
        }
        await driver.Announce();

        // The first submission holds the only place at work until released, inside its insert.
        var first = applicants[0].Client.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(applicants[0].Registration, "2504"), Ct);
        await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        // Of seven more at once, exactly one finds the waiting place free; six are refused without waiting.
        var rest = applicants.Skip(1).Select(a => a.Client.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(a.Registration, "2504"), Ct)).ToList();
        var refused = new List<HttpResponseMessage>();
        while (refused.Count < 6)
        {
            var done = await Task.WhenAny(rest);
            rest.Remove(done);
            refused.Add(await done);
        }
        held.Release.SetResult();
        var accepted = new List<HttpResponseMessage> { await first };
        accepted.AddRange(await Task.WhenAll(rest));

        Assert.All(accepted, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(2, accepted.Count);
        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            var seconds = Assert.Single(response.Headers.GetValues("Retry-After"));
            Assert.InRange(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture), 2, 3);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(429, problem.GetProperty("status").GetInt32());
            Assert.InRange(problem.GetProperty("retryAfterMs").GetInt64(), 1500, 3000);
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        }
        var acknowledged = new List<Guid>();
        foreach (var response in accepted)
        {
            acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid());
        }
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PuenteDb>().Requests.Select(r => r.Id).ToListAsync(Ct);
        Assert.Equal(acknowledged.Order(), stored.Order());
    }

    /// <summary>Stops the first request insert until the test releases it; later ones pass.</summary>
    private sealed class HeldInsert : DbCommandInterceptor
    {
        private int held;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await Hold(command, cancellationToken);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await Hold(command, cancellationToken);
            return result;
        }

        private async Task Hold(DbCommand command, CancellationToken cancellationToken)
        {
            // SQLite's SQL quotes every name; PostgreSQL's only those that need it.
            if ((command.CommandText.Contains("INSERT INTO \"appointment_requests\"", StringComparison.Ordinal)
                    || command.CommandText.Contains("INSERT INTO appointment_requests ", StringComparison.Ordinal))
                && Interlocked.Exchange(ref held, 1) == 0)
            {
                Entered.SetResult();
                await Release.Task.WaitAsync(cancellationToken);
            }
        }
    }
}
