using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using Puente.Domain.Pathways.Appointments;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Appointments;

/// <summary>One planned move: the appointment, the date it was on at the port it leaves, and its new place.</summary>
internal sealed record AppointmentMove(Guid Id, DateOnly FromDate, string Port, DateOnly Date, string Slot, DateTimeOffset StartsAt);

/// <summary>
/// Moves many booked appointments with one statement, in the caller's transaction, each only while it is still
/// booked at the port it leaves on the date it was read on: a check-in or cancellation that got there first wins,
/// and that appointment stays where it was. The statement is an <c>UPDATE … FROM</c> the moves: on PostgreSQL
/// <c>unnest</c> of one array per column, on SQLite a temporary table filled by one prepared single-row
/// <c>INSERT</c> rebound per move (no round trips there). It runs through the context, so it is seen as any
/// other command of the context is. Columns and conversions come from the EF model, as in <see cref="BulkInsert"/>.
/// </summary>
internal static class MoveBookedAppointments
{
    private const string Staged = "\"rebooking_moves\"";

    /// <summary>Returns the ids of the appointments that moved.</summary>
    public static async Task<HashSet<Guid>> Handle(PuenteDb db, string fromPort, IReadOnlyList<AppointmentMove> moves, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction?.GetDbTransaction() is not { } transaction)
        {
            throw new InvalidOperationException("Moving appointments needs the caller's transaction, so that the moves commit with the new passes and messages.");
        }
        if (moves.Count == 0)
        {
            return [];
        }
        var c = new Columns(db.Model.FindEntityType(typeof(AppointmentRecord))!);
        string source;
        object[] parameters;
        if (transaction.Connection is NpgsqlConnection)
        {
            source = "unnest(@ids, @froms, @ports, @dates, @slots, @starts) AS m(id, from_date, port, date, slot, starts)";
            parameters =
            [
                new NpgsqlParameter<Guid[]>("ids", [.. moves.Select(m => m.Id)]),
                new NpgsqlParameter<DateOnly[]>("froms", [.. moves.Select(m => m.FromDate)]),
                new NpgsqlParameter<string[]>("ports", [.. moves.Select(m => m.Port)]),
                new NpgsqlParameter<DateOnly[]>("dates", [.. moves.Select(m => m.Date)]),
                new NpgsqlParameter<string[]>("slots", [.. moves.Select(m => m.Slot)]),
                new NpgsqlParameter<DateTimeOffset[]>("starts", [.. moves.Select(m => m.StartsAt.ToUniversalTime())]),
                new NpgsqlParameter("booked", c.Booked),
                new NpgsqlParameter<string>("from", fromPort),
            ];
        }
        else
        {
            Stage(transaction, c, moves, cancellationToken);
            source = $"{Staged} AS m";
            parameters = [new SqliteParameter("@booked", c.Booked), new SqliteParameter("@from", fromPort)];
        }
        // Only names from the model and fixed text are put into the statement; every value is a parameter.
        var sql = $"""
            UPDATE {c.Table} AS a SET {c.Port} = m.port, {c.Date} = m.date, {c.Slot} = m.slot, {c.StartsAt} = m.starts
            FROM {source}
            WHERE a.{c.Id} = m.id AND a.{c.Status} = @booked AND a.{c.Port} = @from AND a.{c.Date} = m.from_date
            """;
        var changed = await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        if (changed == moves.Count)
        {
            return [.. moves.Select(m => m.Id)];
        }
        // Fewer rows than moves: a check-in or cancellation came first for some; those are where they were.
        var ids = ValueList.Of(db, moves.Select(m => m.Id).ToArray());
        var now = await db.Appointments.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.PortCode, a.ServiceDate, a.SlotStart })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        return [.. moves.Where(m => now.TryGetValue(m.Id, out var a) && (a.PortCode, a.ServiceDate, a.SlotStart) == (m.Port, m.Date, m.Slot)).Select(m => m.Id)];
    }

    /// <summary>The appointments table's name and the columns a move reads and writes, quoted, as the model maps them.</summary>
    private sealed class Columns(IEntityType entity)
    {
        public string Table { get; } = Quote(entity.GetTableName()!);
        public IProperty IdProperty { get; } = entity.FindProperty(nameof(AppointmentRecord.Id))!;
        public IProperty PortProperty { get; } = entity.FindProperty(nameof(AppointmentRecord.PortCode))!;
        public IProperty DateProperty { get; } = entity.FindProperty(nameof(AppointmentRecord.ServiceDate))!;
        public IProperty SlotProperty { get; } = entity.FindProperty(nameof(AppointmentRecord.SlotStart))!;
        public IProperty StartsAtProperty { get; } = entity.FindProperty(nameof(AppointmentRecord.SlotStartsAt))!;
        public IProperty StatusProperty { get; } = entity.FindProperty(nameof(AppointmentRecord.Status))!;

        public string Id => Name(IdProperty);
        public string Port => Name(PortProperty);
        public string Date => Name(DateProperty);
        public string Slot => Name(SlotProperty);
        public string StartsAt => Name(StartsAtProperty);
        public string Status => Name(StatusProperty);

        /// <summary>"Booked" as the status column stores it.</summary>
        public object Booked => StatusProperty.GetTypeMapping().Converter?.ConvertToProvider(AppointmentStatus.Booked) ?? AppointmentStatus.Booked;

        private static string Name(IProperty property) => Quote(property.GetColumnName());

        private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    // SQLite: the moves into a temporary table of this connection, emptied first. Synchronous: SQLite has no
    // asynchronous I/O, and its async path would only add a task per row.
    private static void Stage(DbTransaction transaction, Columns c, IReadOnlyList<AppointmentMove> moves, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = $"CREATE TEMPORARY TABLE IF NOT EXISTS {Staged} (id, from_date, port, date, slot, starts); DELETE FROM {Staged};";
            create.ExecuteNonQuery();
        }
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Staged} (id, from_date, port, date, slot, starts) VALUES (@id, @fromDate, @port, @date, @slot, @starts)";
        // Each parameter made by its column's own type mapping (SQLite keeps GUIDs, dates and instants as text in EF Core's formats).
        DbParameter Parameter(IProperty property, string name)
        {
            var parameter = property.GetRelationalTypeMapping().CreateParameter(command, name, null, nullable: false);
            command.Parameters.Add(parameter);
            return parameter;
        }
        var id = Parameter(c.IdProperty, "@id");
        var fromDate = Parameter(c.DateProperty, "@fromDate");
        var port = Parameter(c.PortProperty, "@port");
        var date = Parameter(c.DateProperty, "@date");
        var slot = Parameter(c.SlotProperty, "@slot");
        var starts = Parameter(c.StartsAtProperty, "@starts");
        command.Prepare();
        foreach (var move in moves)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (id.Value, fromDate.Value, port.Value, date.Value, slot.Value, starts.Value) = (move.Id, move.FromDate, move.Port, move.Date, move.Slot, move.StartsAt);
            command.ExecuteNonQuery();
        }
    }
}
