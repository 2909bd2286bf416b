using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Puente.Web.Database;

internal static class DatabaseRegistration
{
    /// <summary>
    /// Without a configured connection string, the web host and the <c>puente</c> CLI share one SQLite file
    /// in the user's data folder (<c>~/.local/share/Puente/puente.db</c> on Linux, <c>%LOCALAPPDATA%\Puente</c>
    /// on Windows), whatever folder each is started from.
    /// </summary>
    public static string DefaultSqliteConnection()
    {
        var folder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        if (string.IsNullOrEmpty(folder))
        {
            return "Data Source=puente.db";
        }
        var directory = Directory.CreateDirectory(Path.Combine(folder, "Puente"));
        return $"Data Source={Path.Combine(directory.FullName, "puente.db")}";
    }

    /// <summary>Registers <see cref="PuenteDb"/> for the provider named in configuration.</summary>
    public static IServiceCollection AddPuenteDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var provider = configuration.GetValue(
            $"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}", DatabaseProvider.Sqlite);
        var connection = configuration.GetConnectionString("Puente");

        // Pooled: a request rents a context already built and hands it back reset, instead of building one.
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connection))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Puente is empty.");
                }
                var postgres = WithPoolDefaults(connection);
                services.AddDbContextPool<PuenteDb, PostgresPuenteDb>(o => QuietExpectedFailures(o.UseNpgsql(postgres)));
                break;
            default:
                var sqlite = string.IsNullOrWhiteSpace(connection) ? DefaultSqliteConnection() : connection;
                services.AddDbContextPool<PuenteDb, SqlitePuenteDb>(o => QuietExpectedFailures(o
                    .UseSqlite(sqlite)
                    .AddInterceptors(new SqliteConnectionSetup())));
                break;
        }
        return services;
    }

    /// <summary>
    /// Two defaults for a busy server, each kept only when the connection string does not name the keyword itself:
    /// <list type="bullet">
    /// <item>The statements a connection runs again and again (a submission's read, its insert) are prepared on the
    /// server after a few uses (<c>Max Auto Prepare=32</c>), so PostgreSQL parses and plans them once per connection
    /// instead of on every request. Behind PgBouncer in transaction mode, set <c>Max Auto Prepare=0</c>.</item>
    /// <item>A connection handed back to the pool is not reset (<c>No Reset On Close=true</c>): Puente leaves no
    /// session state behind (no <c>SET</c>, no session advisory lock; its temporary tables are dropped at commit),
    /// and the reset is seven statements the server parses and runs before the next command of every request.</item>
    /// </list>
    /// </summary>
    internal static string WithPoolDefaults(string connection)
    {
        // Npgsql's builder knows every keyword, so ask the string as written whether it names these.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        if (!written.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 32;
        }
        if (!written.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    /// <summary>
    /// A failed command or save is not logged as an error by EF Core itself: most are expected and
    /// handled (a duplicate request meets its unique index and answers 409; the first migration on a new
    /// database finds no history table). One that is not handled reaches the exception handler, or the
    /// job or command that ran it, and is logged there once, with its context.
    /// </summary>
    private static DbContextOptionsBuilder QuietExpectedFailures(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (CoreEventId.OptimisticConcurrencyException, LogLevel.Debug)));
}
