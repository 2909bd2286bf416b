using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using nietras.SeparatedValues;
using Puente.Api.Tests.Infrastructure;
using Puente.Tests;
using static Puente.Api.Tests.Protection.CaseDesk;

namespace Puente.Api.Tests.Binational.OpenData;

public sealed class OpenDataApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_resource_the_package_lists_downloads_without_signing_in_and_matches_its_schema()
    {
        await using var app = new PuenteApp();
        await Open(await app.ClientFor(LosAngeles));
        var client = app.CreateClient();

        var package = await client.GetFromJsonAsync<JsonElement>("/opendata/datapackage.json", Ct);

        Assert.Equal("CC-BY-4.0", package.GetProperty("licenses")[0].GetProperty("name").GetString());
        Assert.NotEmpty(package.GetProperty("sources").EnumerateArray());
        var resources = package.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(
            ["capacity", "closures", "draw-statistics", "lane-status-history", "protection-cases", "wait-times"],
            resources.Where(r => r.GetProperty("format").GetString() == "csv").Select(r => r.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        var rows = new Dictionary<string, int>();
        foreach (var resource in resources)
        {
            var path = resource.GetProperty("path").GetString()!;
            var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray()
                .Select(f => (Name: f.GetProperty("name").GetString()!, Type: f.GetProperty("type").GetString()!)).ToList();
            var response = await client.GetAsync($"/opendata/{path}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(resource.GetProperty("mediatype").GetString(), response.Content.Headers.ContentType!.MediaType);
            var body = await response.Content.ReadAsStringAsync(Ct);
            rows[path] = resource.GetProperty("format").GetString() == "csv" ? CsvMatches(body, fields) : JsonMatches(body, fields);
        }
        Assert.True(rows["closures.csv"] > 0);
        Assert.True(rows["protection-cases.json"] > 0);
        Assert.Equal(rows["closures.csv"], rows["closures.json"]);
        Assert.Equal(rows["protection-cases.csv"], rows["protection-cases.json"]);
    }

    [Fact]
    public async Task A_matching_If_None_Match_gets_304_until_the_data_changes()
    {
        await using var app = new PuenteApp();
        var caseworker = await app.ClientFor(LosAngeles);
        await Open(caseworker);
        var client = app.CreateClient();
        var first = await client.GetAsync("/opendata/protection-cases.csv", Ct);
        var etag = first.Headers.ETag!;

        var again = new HttpRequestMessage(HttpMethod.Get, "/opendata/protection-cases.csv");
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(again, Ct);
        await Open(caseworker);
        var afterChange = new HttpRequestMessage(HttpMethod.Get, "/opendata/protection-cases.csv");
        afterChange.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(afterChange, Ct);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        var package = new HttpRequestMessage(HttpMethod.Get, "/opendata/datapackage.json");
        package.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(package, Ct)).StatusCode);
    }

    [Fact]
    public async Task No_published_protection_count_is_between_1_and_4_and_none_withheld_can_be_worked_out_from_the_totals()
    {
        await using var app = new PuenteApp();
        var caseworker = await app.ClientFor(LosAngeles);
        // One small count (3 civil) in a row whose other count (6 labour) is not small.
        for (var i = 0; i < 3; i++)
        {
            await Open(caseworker, Intake(category: "civil", subtype: "child-custody"));
        }
        for (var i = 0; i < 6; i++)
        {
            await Open(caseworker);
        }

        var rows = (await app.CreateClient().GetFromJsonAsync<JsonElement>("/opendata/protection-cases.json", Ct)).EnumerateArray().ToList();

        Assert.DoesNotContain(rows, r => r.GetProperty("cases").ValueKind == JsonValueKind.Number && r.GetProperty("cases").GetInt32() is >= 1 and <= 4);
        var civil = Assert.Single(rows, r => r.GetProperty("consulate").GetString() == "los-angeles" && r.GetProperty("category").GetString() == "civil");
        Assert.True(civil.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, civil.GetProperty("cases").ValueKind);
        Assert.Equal(9, rows.Single(r => r.GetProperty("consulate").GetString() == "los-angeles" && r.GetProperty("category").GetString() == "all").GetProperty("cases").GetInt32());
        foreach (var month in rows.GroupBy(r => r.GetProperty("month").GetString()))
        {
            var consulates = month.Select(r => r.GetProperty("consulate").GetString()!).Distinct().OrderBy(c => c == "all").ToList();
            var categories = month.Select(r => r.GetProperty("category").GetString()!).Distinct().OrderBy(c => c == "all").ToList();
            var hidden = new bool[consulates.Count, categories.Count];
            foreach (var row in month)
            {
                hidden[consulates.IndexOf(row.GetProperty("consulate").GetString()!), categories.IndexOf(row.GetProperty("category").GetString()!)] =
                    row.GetProperty("suppressed").GetBoolean();
            }
            Assert.Empty(TableAttack.Recoverable(hidden));
        }
    }

    [Theory]
    [InlineData("/opendata/passports.csv")]
    [InlineData("/opendata/closures.xml")]
    [InlineData("/opendata/closures")]
    public async Task An_unknown_file_is_a_404_problem(string path)
    {
        await using var app = new PuenteApp();

        var response = await app.CreateClient().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("opendata.not-found", problem.GetProperty("code").GetString());
    }

    private static int CsvMatches(string body, List<(string Name, string Type)> fields)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromText(body);
        Assert.Equal(fields.Select(f => f.Name), reader.Header.ColNames);
        var count = 0;
        foreach (var row in reader)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                var value = row[i].ToString();
                Assert.True(value.Length == 0 || Conforms(value, fields[i].Type), $"{fields[i].Name} = '{value}' is not a {fields[i].Type}");
            }
            count++;
        }
        return count;
    }

    private static int JsonMatches(string body, List<(string Name, string Type)> fields)
    {
        var rows = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        foreach (var row in rows)
        {
            Assert.Equal(fields.Select(f => f.Name), row.EnumerateObject().Select(p => p.Name));
            foreach (var (name, type) in fields)
            {
                var value = row.GetProperty(name);
                Assert.True(value.ValueKind switch
                {
                    JsonValueKind.Null => true,
                    JsonValueKind.Number => type == "integer",
                    JsonValueKind.True or JsonValueKind.False => type == "boolean",
                    JsonValueKind.String => type is "string" or "date" or "datetime" && Conforms(value.GetString()!, type),
                    _ => false,
                }, $"{name} = {value} is not a {type}");
            }
        }
        return rows.Count;
    }

    private static bool Conforms(string value, string type) => type switch
    {
        "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "boolean" => value is "true" or "false",
        "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "datetime" => DateTime.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };
}
