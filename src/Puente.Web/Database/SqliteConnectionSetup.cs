using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Puente.Web.Database;

/// <summary>
/// SQLite settings every connection needs: write-ahead logging so readers never wait for the writer,
/// commits that do not wait for a disk flush of the log (safe across a process crash), and a busy
/// timeout so two writers queue instead of failing.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
