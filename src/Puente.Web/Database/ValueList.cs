using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Puente.Web.Database;

/// <summary>
/// Many ids or keys as a one-column table a query joins (<c>x IN (SELECT "Value" FROM …)</c>), sent as one parameter:
/// on PostgreSQL <c>unnest</c> of an array, on SQLite <c>json_each</c> of a JSON array. Not <c>= ANY(@array)</c>:
/// once PostgreSQL plans a prepared statement generically (after five runs) it cannot hash an array parameter and
/// compares each row with every element, thousands of times slower than the join. Compose it as a captured
/// variable: <c>var ids = ValueList.Of(db, array); db.Passes.Where(p => ids.Contains(p.AppointmentId))</c>.
/// One list per statement (its parameter has one name).
/// </summary>
internal static class ValueList
{
    private const string Parameter = "value_list";

    public static IQueryable<Guid> Of(PuenteDb db, IReadOnlyCollection<Guid> ids) =>
        // SQLite keeps a GUID as upper-case text (EF Core's mapping), so the JSON carries it the same way.
        Of(db, ids, () => JsonSerializer.Serialize(ids.Select(id => id.ToString().ToUpperInvariant())));

    public static IQueryable<string> Of(PuenteDb db, IReadOnlyCollection<string> keys) =>
        Of(db, keys, () => JsonSerializer.Serialize(keys));

    private static IQueryable<T> Of<T>(PuenteDb db, IReadOnlyCollection<T> values, Func<string> json) =>
        db.Database.IsNpgsql()
            ? db.Database.SqlQueryRaw<T>($"SELECT unnest(@{Parameter}) AS \"Value\"", new NpgsqlParameter<T[]>(Parameter, [.. values]))
            : db.Database.SqlQueryRaw<T>($"SELECT value AS \"Value\" FROM json_each(@{Parameter})", new SqliteParameter($"@{Parameter}", json()));
}
