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
                var postgres = WithPreparedStatements(connection);
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
    /// The statements a connection runs again and again (a submission's read, its insert) are prepared on
    /// the server after a few uses, so PostgreSQL parses and plans them once per connection instead of on
    /// every request. A connection string that says otherwise wins: behind PgBouncer in transaction mode,
    /// set <c>Max Auto Prepare=0</c>.
    /// </summary>
    internal static string WithPreparedStatements(string connection)
    {
        // Npgsql's builder knows every keyword, so ask the string as written whether it names this one.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection };
        if (written.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connection;
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(connection) { MaxAutoPrepare = 32 }.ConnectionString;
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
