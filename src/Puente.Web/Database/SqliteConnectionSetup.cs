using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Puente.Web.Database;

/// <summary>
/// SQLite settings every connection needs: write-ahead logging so readers never wait for the writer,
/// commits that do not wait for a disk flush of the log (safe across a process crash), and a busy
/// timeout so two writers queue instead of failing; and a page cache of up to 32 MiB per connection instead of
/// SQLite's 2 MiB, so a statement that joins several tables of a busy day does not read the same pages from the
/// file again and again (pages are cached only as they are read: a small database uses little of it).
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA cache_size=-32768;";

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
