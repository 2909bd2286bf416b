using System.Text;

namespace Puente.Domain.Tests.Ports;

/// <summary>
/// Just enough RFC 4180 for the real data files: quoted fields may hold commas, doubled quotes and
/// line breaks; rows end in LF or CRLF. Rows come back keyed by header name.
/// </summary>
internal static class Csv
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadWithHeader(string text)
    {
        var rows = Parse(text);
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0];
        return [.. rows.Skip(1).Select(r => (IReadOnlyDictionary<string, string>)header
            .Select((name, i) => (name, value: i < r.Count ? r[i] : ""))
            .ToDictionary(f => f.name, f => f.value, StringComparer.Ordinal))];
    }

    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (inQuotes)
            {
                if (ch != '"')
                {
                    field.Append(ch);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = false;
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    inQuotes = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        // A last line without a trailing newline is still a row.
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
