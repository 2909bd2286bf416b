using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Database;

namespace Puente.Api.Tests.Hosting;

/// <summary>An operator reads errors as something to act on: what Puente expects and handles is not one.</summary>
public sealed class QuietLogsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrating_a_new_database_logs_no_error()
    {
        var database = TestDatabase.CreateEmpty();
        await using var app = new PuenteApp(demo: false, database: database);

        var migrate = await PuenteCli.Invoke(database, "db", "migrate");

        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.DoesNotContain("fail:", migrate.Output + migrate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unique_index_met_and_handled_is_not_logged_as_an_error()
    {
        var logs = new LogCollector();
        await using var app = new PuenteApp(demo: false);
        await using var logged = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        await using (var scope = logged.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().Handle(Ct);
        }

        await using (var scope = logged.Services.CreateAsyncScope())
        {
            // A second role of one name: the kind of conflict a use case catches and answers with a 409.
            var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
            db.Roles.Add(new IdentityRole("Admin") { NormalizedName = "ADMIN" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }

        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    private sealed class LogCollector : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
