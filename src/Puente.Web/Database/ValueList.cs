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
/// A statement with two lists names the second (<c>name</c>): each list's parameter has its own name.
/// </summary>
internal static class ValueList
{
    private const string Parameter = "value_list";

    public static IQueryable<Guid> Of(PuenteDb db, IReadOnlyCollection<Guid> ids, string name = Parameter) =>
        // SQLite keeps a GUID as upper-case text (EF Core's mapping), so the JSON carries it the same way.
        Of(db, ids, name, () => JsonSerializer.Serialize(ids.Select(id => id.ToString().ToUpperInvariant())));

    public static IQueryable<string> Of(PuenteDb db, IReadOnlyCollection<string> keys, string name = Parameter) =>
        Of(db, keys, name, () => JsonSerializer.Serialize(keys));

    private static IQueryable<T> Of<T>(PuenteDb db, IReadOnlyCollection<T> values, string name, Func<string> json)
    {
        // The name is code's, never input's; it goes into the statement's text as a parameter name, so it is checked.
        if (name.Length == 0 || !name.All(c => c is >= 'a' and <= 'z' or '_'))
        {
            throw new ArgumentException($"'{name}' is not a parameter name (lower-case letters and underscores).", nameof(name));
        }
        var postgres = db.Database.IsNpgsql();
        var sql = postgres ? "SELECT unnest(@" + name + ") AS \"Value\"" : "SELECT value AS \"Value\" FROM json_each(@" + name + ")";
        return postgres
            ? db.Database.SqlQueryRaw<T>(sql, new NpgsqlParameter<T[]>(name, [.. values]))
            : db.Database.SqlQueryRaw<T>(sql, new SqliteParameter("@" + name, json()));
    }
}
