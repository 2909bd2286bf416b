using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Puente.Web.Database;

/// <summary>What to do with a row whose key is already stored.</summary>
internal enum BulkConflict
{
    /// <summary>The whole write fails (and with it the caller's transaction).</summary>
    Fail,

    /// <summary>The stored row stays and the new one is left out (<c>ON CONFLICT DO NOTHING</c>).</summary>
    Skip,
}

/// <summary>
/// Writes many new rows of one record type set-based, in the caller's transaction, without the change
/// tracker: PostgreSQL through Npgsql's binary <c>COPY</c> on the context's own connection, SQLite through one
/// prepared single-row <c>INSERT</c> whose parameters are rebound per row (its fast path: SQLite has no
/// round trips, and a statement with thousands of parameters is slower there). Table, columns and value
/// conversions (enums as text, instants, dates, nulls) come from the EF model, so the write cannot drift
/// from the schema. The rows are not tracked afterwards: a later <c>SaveChanges</c> does not write them again.
/// </summary>
internal static class BulkInsert
{
    /// <summary>Writes <paramref name="rows"/>; returns how many were stored (fewer with <see cref="BulkConflict.Skip"/>).
    /// The rows are read once, as they are written: a lazy sequence is never held whole in memory.</summary>
    public static async Task<int> Rows<T>(PuenteDb db, IEnumerable<T> rows, BulkConflict conflict = BulkConflict.Fail,
        CancellationToken cancellationToken = default) where T : class
    {
        if (db.Database.CurrentTransaction?.GetDbTransaction() is not { } transaction)
        {
            throw new InvalidOperationException($"A bulk write of {typeof(T).Name} needs the caller's transaction, so that it commits or rolls back with the rest.");
        }
        if (rows is IReadOnlyCollection<T> { Count: 0 })
        {
            return 0;
        }
        var table = Table.Of(db.Model, typeof(T));
        return transaction.Connection switch
        {
            NpgsqlConnection postgres => await Copy(postgres, table, rows, conflict, cancellationToken),
            { } connection => Prepared(connection, transaction, table, rows, conflict, cancellationToken),
            null => throw new InvalidOperationException("The transaction has no connection."),
        };
    }

    /// <summary>A table's name and columns as the model maps them.</summary>
    private sealed record Table(string Name, IReadOnlyList<Column> Columns)
    {
        public string QuotedName => Quote(Name);

        public string ColumnList => string.Join(", ", Columns.Select(c => Quote(c.Name)));

        public static Table Of(IModel model, Type type)
        {
            var entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not part of the model.");
            var name = entity.GetTableName() ?? throw new InvalidOperationException($"{type.Name} is not mapped to a table.");
            var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
            var columns = entity.GetProperties().Select(p => p.IsShadowProperty()
                ? throw new InvalidOperationException($"{type.Name}.{p.Name} is a shadow property; a bulk write can only copy what the record holds.")
                : new Column(p.GetColumnName(store)!, p.GetRelationalTypeMapping(), p.GetGetter(), p.IsNullable)).ToList();
            return new Table(name, columns);
        }
    }

    /// <summary>One column: how to read it from the record and convert it to what the provider stores.</summary>
    private sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable)
    {
        public object? Value(object row) =>
            Getter.GetClrValue(row) is { } value ? Mapping.Converter?.ConvertToProvider(value) ?? value : null;
    }

    /// <summary>
    /// A column as <c>COPY</c> writes it: with the provider's own type (<c>Guid</c>, <c>string</c>, <c>DateOnly</c>…) and
    /// its store type, so Npgsql finds its writer once for the column, not again for every value given as an object.
    /// </summary>
    private abstract class CopiedColumn
    {
        public static CopiedColumn Of(Column column)
        {
            var type = column.Mapping.Converter?.ProviderClrType ?? column.Mapping.ClrType;
            return (CopiedColumn)Activator.CreateInstance(typeof(CopiedColumn<>).MakeGenericType(Nullable.GetUnderlyingType(type) ?? type), column)!;
        }

        public abstract Task Write(NpgsqlBinaryImporter writer, object row, CancellationToken cancellationToken);
    }

    private sealed class CopiedColumn<T>(Column column) : CopiedColumn
    {
        // The store type without its size ("character varying", not "character varying(16)") names Npgsql's writer.
        private readonly string storeType = column.Mapping.StoreTypeNameBase;

        public override Task Write(NpgsqlBinaryImporter writer, object row, CancellationToken cancellationToken) => column.Value(row) switch
        {
            T value => writer.WriteAsync(value, storeType, cancellationToken),
            null => writer.WriteNullAsync(cancellationToken),
            var other => throw new InvalidOperationException($"{column.Name} holds a {other.GetType().Name} where {typeof(T).Name} was expected."),
        };
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    // COPY cannot skip conflicts, so a skipping write copies into a temporary table dropped at commit,
    // then moves the rows over with one INSERT … SELECT … ON CONFLICT DO NOTHING.
    private static async Task<int> Copy<T>(NpgsqlConnection connection, Table table, IEnumerable<T> rows, BulkConflict conflict,
        CancellationToken cancellationToken) where T : class
    {
        var target = table.QuotedName;
        if (conflict == BulkConflict.Skip)
        {
            target = Quote($"bulk_{table.Name}");
            await Execute(connection, $"CREATE TEMPORARY TABLE IF NOT EXISTS {target} (LIKE {table.QuotedName}) ON COMMIT DROP; TRUNCATE {target}", cancellationToken);
        }
        var columns = table.Columns.Select(CopiedColumn.Of).ToArray();
        await using (var writer = await connection.BeginBinaryImportAsync(
            $"COPY {target} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                foreach (var column in columns)
                {
                    await column.Write(writer, row, cancellationToken);
                }
            }
            var copied = await writer.CompleteAsync(cancellationToken);
            if (conflict == BulkConflict.Fail)
            {
                return checked((int)copied);
            }
        }
        return await Execute(connection,
            $"INSERT INTO {table.QuotedName} ({table.ColumnList}) SELECT {table.ColumnList} FROM {target} ON CONFLICT DO NOTHING", cancellationToken);
    }

    private static async Task<int> Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Synchronous: SQLite has no asynchronous I/O, and its async path would only add a task per row.
    private static int Prepared<T>(DbConnection connection, DbTransaction transaction, Table table, IEnumerable<T> rows, BulkConflict conflict,
        CancellationToken cancellationToken) where T : class
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = table.Columns.Select((_, i) => $"@p{i}").ToList();
        command.CommandText = $"INSERT INTO {table.QuotedName} ({table.ColumnList}) VALUES ({string.Join(", ", names)})"
            + (conflict == BulkConflict.Skip ? " ON CONFLICT DO NOTHING" : "");
        // Each parameter made by the column's own type mapping, as EF Core makes them (SQLite keeps GUIDs, dates
        // and instants as text in EF Core's formats); only the value changes from row to row.
        var parameters = table.Columns.Select((c, i) => c.Mapping.CreateParameter(command, names[i], null, c.Nullable)).ToArray();
        command.Parameters.AddRange(parameters);
        command.Prepare();
        var stored = 0;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = table.Columns[i].Value(row) ?? DBNull.Value;
            }
            stored += command.ExecuteNonQuery();
        }
        return stored;
    }
}
