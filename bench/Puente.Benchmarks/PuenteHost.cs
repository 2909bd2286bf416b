using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;
using Puente.Web;
using Puente.Web.Database;

namespace Puente.Benchmarks;

/// <summary>
/// The services of the web host on a database of its own, migrated once; each measured run starts
/// from a copy of the kept state, so a benchmark that writes always finds the same database. SQLite
/// in a temporary file, or PostgreSQL on the server named by <c>PUENTE_BENCH_POSTGRES</c> (a connection
/// string without a database), where the copy is a database created from a template.
/// </summary>
internal sealed class PuenteHost : IDisposable
{
    private readonly string template;
    private readonly string? postgresAdmin;
    private readonly string? postgresName;

    private PuenteHost(string directory, ServiceProvider services, string? postgresAdmin, string? postgresName)
    {
        Directory = directory;
        Services = services;
        template = Path.Combine(directory, "template.db");
        this.postgresAdmin = postgresAdmin;
        this.postgresName = postgresName;
    }

    public string Directory { get; }

    public ServiceProvider Services { get; }

    private string Live => Path.Combine(Directory, "puente.db");

    /// <summary>The databases a benchmark runs on: SQLite always, PostgreSQL too when <c>PUENTE_BENCH_POSTGRES</c> names a server.</summary>
    public static IEnumerable<string> Databases() =>
        Environment.GetEnvironmentVariable("PUENTE_BENCH_POSTGRES") is { Length: > 0 } ? ["SQLite", "PostgreSQL"] : ["SQLite"];

    /// <param name="settings">More configuration, e.g. the ports' slots.</param>
    /// <param name="clock">The clock the use cases read; the system clock when not given.</param>
    /// <param name="postgres">Run on PostgreSQL (<c>PUENTE_BENCH_POSTGRES</c> must be set) instead of SQLite.</param>
    public static async Task<PuenteHost> Start(IDictionary<string, string?>? settings = null, TimeProvider? clock = null, bool postgres = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"puente-bench-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        string? admin = null, name = null;
        Dictionary<string, string?> database;
        if (postgres)
        {
            admin = Environment.GetEnvironmentVariable("PUENTE_BENCH_POSTGRES") is { Length: > 0 } given
                ? given
                : throw new InvalidOperationException(
                    "Set PUENTE_BENCH_POSTGRES to a PostgreSQL connection string without a database, e.g. the one `.ci/pg-start` prints.");
            name = $"puente_bench_{Guid.NewGuid():N}";
            await Postgres(admin, $"CREATE DATABASE {name}");
            database = new()
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Puente"] = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString,
            };
        }
        else
        {
            // Pooled, as a running server's connections are. The pool is emptied before the file is copied or replaced:
            // closing the last connection folds the write-ahead log into the file.
            database = new()
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Puente"] = $"Data Source={Path.Combine(directory, "puente.db")}",
            };
        }
        // A throwaway database: its key ring needs no certificate.
        database["DataProtection:AllowUnencryptedKeys"] = "true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        // Quiet, except for the draw's, the rebooking's and the BTS import's own accounts of where their time went.
        collection.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole()
            .AddFilter("Puente.Web.Pathways.Draws.RunDraw", LogLevel.Information)
            .AddFilter("Puente.Web.Pathways.Appointments.RebookAppointments", LogLevel.Information)
            .AddFilter("Puente.Web.Pathways.Passes.IssuePasses", LogLevel.Information)
            .AddFilter("Puente.Web.Ports.Flows.ImportBtsFlows", LogLevel.Information));
        collection.AddPuenteCore(configuration);
        collection.AddPuenteIdentityCore();
        if (clock is not null)
        {
            collection.Replace(ServiceDescriptor.Singleton(clock));
        }
        var host = new PuenteHost(directory, collection.BuildServiceProvider(), admin, name);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().Handle();
        }
        return host;
    }

    /// <summary>Keeps the database as it is now as the state every run starts from.</summary>
    public void Snapshot()
    {
        if (postgresName is null)
        {
            SqliteConnection.ClearAllPools();
            File.Copy(Live, template, overwrite: true);
            return;
        }
        // A running server's tables have statistics (autovacuum gathers them after large changes), so its planner
        // knows their sizes; a database seeded a moment ago has none yet, and its plans would be guesses.
        Postgres(postgresAdmin!, "ANALYZE", postgresName).GetAwaiter().GetResult();
        NpgsqlConnection.ClearAllPools();
        Postgres(postgresAdmin!, $"DROP DATABASE IF EXISTS {postgresName}_template").GetAwaiter().GetResult();
        Postgres(postgresAdmin!, $"CREATE DATABASE {postgresName}_template TEMPLATE {postgresName}").GetAwaiter().GetResult();
    }

    /// <summary>Puts the kept state back.</summary>
    public void Restore()
    {
        if (postgresName is null)
        {
            SqliteConnection.ClearAllPools();
            File.Copy(template, Live, overwrite: true);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        Postgres(postgresAdmin!, $"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)").GetAwaiter().GetResult();
        Postgres(postgresAdmin!, $"CREATE DATABASE {postgresName} TEMPLATE {postgresName}_template").GetAwaiter().GetResult();
    }

    /// <summary>
    /// Opens and closes one connection to the database, as a running server's pool would already hold one: after
    /// <see cref="Restore"/> the next connection would otherwise be the first ever to a new PostgreSQL database, or the
    /// first to the SQLite file, and closing it the last (which folds the write-ahead log into the file).
    /// </summary>
    public void Connect()
    {
        using var scope = Services.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<PuenteDb>().Database;
        database.OpenConnection();
        database.CloseConnection();
    }

    public void Dispose()
    {
        Services.Dispose();
        SqliteConnection.ClearAllPools();
        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            Postgres(postgresAdmin!, $"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)").GetAwaiter().GetResult();
            Postgres(postgresAdmin!, $"DROP DATABASE IF EXISTS {postgresName}_template").GetAwaiter().GetResult();
        }
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static async Task Postgres(string admin, string statement, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(statement, connection);
        await command.ExecuteNonQueryAsync();
    }
}
