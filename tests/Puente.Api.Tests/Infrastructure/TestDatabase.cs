using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Puente.Web.Database;

namespace Puente.Api.Tests.Infrastructure;

/// <summary>
/// A fresh database for one test. SQLite by default; PostgreSQL when
/// PUENTE_TEST_DATABASE=Postgres, on the server named by PUENTE_TEST_POSTGRES (a connection string
/// without a database; .ci/run starts a throwaway cluster and sets both).
/// <see cref="Create"/> copies a schema migrated once per test run (a file copy, or PostgreSQL's
/// <c>CREATE DATABASE … TEMPLATE</c>), so hosts start without replaying every migration; everything
/// else (roles, ports, keys, demo data) is still written by the host itself. <see cref="CreateEmpty"/>
/// gives a database with no schema at all, for the tests of migrating.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqlitePath;
    private readonly string? postgresAdmin;
    private readonly string? postgresName;

    public string Provider { get; }
    public string ConnectionString { get; }

    public static bool UsesPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("PUENTE_TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase);

    private TestDatabase(string provider, string connectionString, string? sqlitePath, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqlitePath = sqlitePath;
        this.postgresAdmin = postgresAdmin;
        this.postgresName = postgresName;
    }

    private static readonly Lock TemplateLock = new();
    private static string? template;

    /// <summary>A new database holding the current schema and nothing else.</summary>
    public static TestDatabase Create() => Create(Template());

    /// <summary>A new database without any schema, as a new deployment starts.</summary>
    public static TestDatabase CreateEmpty() => Create(templateName: null);

    private static TestDatabase Create(string? templateName)
    {
        if (!UsesPostgres)
        {
            var path = Path.Combine(Path.GetTempPath(), $"puente-test-{Guid.NewGuid():N}.db");
            if (templateName is not null)
            {
                File.Copy(templateName, path);
            }
            return new TestDatabase("Sqlite", $"Data Source={path}", path, null, null);
        }
        var admin = PostgresAdmin();
        var name = $"puente_test_{Guid.NewGuid():N}";
        Postgres(admin, templateName is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {templateName}");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase("Postgres", connectionString, null, admin, name);
    }

    /// <summary>The migrated schema every <see cref="Create"/> copies: made on first use, removed when the test process ends.</summary>
    private static string Template()
    {
        lock (TemplateLock)
        {
            if (template is not null)
            {
                return template;
            }
            var empty = Create(templateName: null);
            if (empty.Provider == "Sqlite")
            {
                using (var db = new SqlitePuenteDb(new DbContextOptionsBuilder<SqlitePuenteDb>().UseSqlite(empty.ConnectionString).Options))
                {
                    db.Database.Migrate();
                }
                SqliteConnection.ClearAllPools();
                template = empty.sqlitePath!;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(empty.sqlitePath!);
            }
            else
            {
                using (var db = new PostgresPuenteDb(new DbContextOptionsBuilder<PostgresPuenteDb>().UseNpgsql(empty.ConnectionString).Options))
                {
                    db.Database.Migrate();
                }
                // A template must have no open session while it is copied.
                NpgsqlConnection.ClearAllPools();
                template = empty.postgresName!;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Postgres(empty.postgresAdmin!, $"DROP DATABASE IF EXISTS {empty.postgresName} WITH (FORCE)");
            }
            return template;
        }
    }

    private static string PostgresAdmin()
    {
        var admin = Environment.GetEnvironmentVariable("PUENTE_TEST_POSTGRES");
        return string.IsNullOrWhiteSpace(admin)
            ? throw new InvalidOperationException(
                "PUENTE_TEST_DATABASE=Postgres needs PUENTE_TEST_POSTGRES, e.g. 'Host=/tmp/pg;Port=5433;Username=postgres'.")
            : admin;
    }

    private static void Postgres(string admin, string statement)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Database = "postgres" }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(statement, connection);
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        if (sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqlitePath, sqlitePath + "-wal", sqlitePath + "-shm" })
            {
                File.Delete(file);
            }
        }
        if (postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(
                new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = "postgres" }.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
