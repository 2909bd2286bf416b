using System.Globalization;
using System.Text.Json;
using Puente.Web.Database;

namespace Puente.Web.Binational.OpenData;

/// <summary>Frictionless Table Schema field types used by Puente's open data.</summary>
internal enum FieldType
{
    String,
    Integer,
    Boolean,
    Date,
    Datetime,
}

/// <summary>One column of a published table: its name, type, meaning and unit.</summary>
internal sealed record OpenDataField(string Name, FieldType Type, string Description, string? Unit = null);

/// <summary>
/// A table published at <c>/opendata/{Name}.csv</c> and <c>.json</c>. Rows are read from the database as they
/// are written out; <see cref="Version"/> is a cheap summary of the last change, the source of the ETag.
/// Each resource is a read-only projection: no personal data, and no column a person could be found by.
/// </summary>
internal interface IOpenDataResource
{
    string Name { get; }

    string Title { get; }

    string Description { get; }

    IReadOnlyList<OpenDataField> Fields { get; }

    Task<string> Version(PuenteDb db, CancellationToken cancellationToken);

    /// <summary>Rows in a stable order; each value a string, int, long, bool, DateOnly, DateTimeOffset or null.</summary>
    IAsyncEnumerable<object?[]> Rows(PuenteDb db, CancellationToken cancellationToken);
}

/// <summary>How a value is written, the same in CSV and JSON and in every culture.</summary>
internal static class OpenDataValues
{
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        Enum e => JsonNamingPolicy.CamelCase.ConvertName(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static void Write(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(name);
                break;
            case int i:
                json.WriteNumber(name, i);
                break;
            case long l:
                json.WriteNumber(name, l);
                break;
            case bool b:
                json.WriteBoolean(name, b);
                break;
            default:
                json.WriteString(name, Text(value));
                break;
        }
    }
}
