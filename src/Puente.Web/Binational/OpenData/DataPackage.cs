using System.Text.Json;
using System.Text.Json.Nodes;

namespace Puente.Web.Binational.OpenData;

/// <summary>
/// <c>datapackage.json</c> (Frictionless Data Package, tabular profile): the licence, the sources, and every
/// resource twice, as CSV and as JSON, with its schema. Paths are relative to <c>/opendata/</c>.
/// </summary>
internal static class DataPackage
{
    public const string FileName = "datapackage.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static byte[] Json(OpenDataCatalog catalog)
    {
        var package = new JsonObject
        {
            ["profile"] = "tabular-data-package",
            ["name"] = "puente-open-data",
            ["title"] = "Puente open data: legal pathways, ports of entry and protection of nationals",
            ["description"] = "Daily draw statistics, appointment capacity, closures, lane status history, the border wait-time archive and protection case counts, as recorded by Puente. No personal data; small protection counts are withheld.",
            ["homepage"] = "/opendata",
            ["licenses"] = new JsonArray(new JsonObject
            {
                ["name"] = OpenDataCatalog.Licence,
                ["path"] = OpenDataCatalog.LicencePath,
                ["title"] = OpenDataCatalog.LicenceTitle,
            }),
            ["sources"] = new JsonArray(
                new JsonObject { ["title"] = "Puente: draws, appointments, capacity, closures, lane status and protection cases as recorded by the operators" },
                new JsonObject { ["title"] = "U.S. Customs and Border Protection, Border Wait Times", ["path"] = "https://bwt.cbp.gov/" }),
            ["resources"] = new JsonArray([.. catalog.Resources.SelectMany(r => new[] { Resource(r, "csv", "text/csv"), Resource(r, "json", "application/json") })]),
        };
        return JsonSerializer.SerializeToUtf8Bytes(package, Indented);
    }

    private static JsonObject Resource(IOpenDataResource resource, string format, string mediaType)
    {
        var fields = new JsonArray();
        foreach (var field in resource.Fields)
        {
            var json = new JsonObject
            {
                ["name"] = field.Name,
                ["type"] = field.Type.ToString().ToLowerInvariant(),
                ["description"] = field.Description,
            };
            if (field.Unit is { } unit)
            {
                json["unit"] = unit;
            }
            fields.Add(json);
        }
        return new JsonObject
        {
            ["name"] = format == "csv" ? resource.Name : $"{resource.Name}-json",
            ["path"] = $"{resource.Name}.{format}",
            ["profile"] = "tabular-data-resource",
            ["title"] = resource.Title,
            ["description"] = resource.Description,
            ["format"] = format,
            ["mediatype"] = mediaType,
            ["encoding"] = "utf-8",
            ["licenses"] = new JsonArray(new JsonObject { ["name"] = OpenDataCatalog.Licence, ["path"] = OpenDataCatalog.LicencePath }),
            ["schema"] = new JsonObject
            {
                ["fields"] = fields,
                ["missingValues"] = new JsonArray(""),
            },
        };
    }
}
