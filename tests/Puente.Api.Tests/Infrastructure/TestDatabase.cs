using Microsoft.Data.Sqlite;
using Npgsql;

namespace Puente.Api.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test. SQLite by default; PostgreSQL when
/// PUENTE_TEST_DATABASE=Postgres, on the server named by PUENTE_TEST_POSTGRES (a connection string
/// without a database; .ci/run starts a throwaway cluster and sets both).
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

    public static TestDatabase Create()
    {
        if (!UsesPostgres)
        {
            var path = Path.Combine(Path.GetTempPath(), $"puente-test-{Guid.NewGuid():N}.db");
            return new TestDatabase("Sqlite", $"Data Source={path}", path, null, null);
        }
        var admin = Environment.GetEnvironmentVariable("PUENTE_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                "PUENTE_TEST_DATABASE=Postgres needs PUENTE_TEST_POSTGRES, e.g. 'Host=/tmp/pg;Port=5433;Username=postgres'.");
        }
        var name = $"puente_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Database = "postgres" }.ConnectionString))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase("Postgres", connectionString, null, admin, name);
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
