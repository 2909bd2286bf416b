using System.ComponentModel.DataAnnotations;

namespace Puente.Web.Database;

internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from the <c>Database</c> section; the provider is always explicit, never sniffed.</summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
