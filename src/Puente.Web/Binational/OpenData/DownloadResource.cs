using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using nietras.SeparatedValues;
using Puente.Web.Database;

namespace Puente.Web.Binational.OpenData;

/// <summary>
/// One published file: <c>datapackage.json</c>, or a resource as <c>.csv</c> or <c>.json</c>. The ETag comes from
/// the resource's <see cref="IOpenDataResource.Version"/> (a few aggregate queries), so a client holding the current
/// file gets 304 without the table being read; otherwise rows go to the response as they are read.
/// </summary>
internal sealed class DownloadResource(PuenteDb db, OpenDataCatalog catalog)
{
    /// <summary>Bumped when the way a file is written changes, so cached copies are not reused.</summary>
    private const string WriterVersion = "1";

    public abstract record Outcome;

    public sealed record NotFound(string File) : Outcome;

    public sealed record NotModified(string ETag) : Outcome;

    public sealed record Download(string ETag, string ContentType, Func<Stream, CancellationToken, Task> Write) : Outcome;

    public async Task<Outcome> Handle(string file, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        if (file == DataPackage.FileName)
        {
            var package = DataPackage.Json(catalog);
            return Respond(Tag(package), ifNoneMatch, "application/json", (stream, ct) => stream.WriteAsync(package, ct).AsTask());
        }
        var dot = file.LastIndexOf('.');
        var extension = dot < 0 ? "" : file[(dot + 1)..];
        if (extension is not ("csv" or "json") || catalog.Find(file[..dot]) is not { } resource)
        {
            return new NotFound(file);
        }
        var version = await resource.Version(db, cancellationToken);
        var etag = Tag(Encoding.UTF8.GetBytes($"{WriterVersion}|{resource.Name}|{extension}|{version}"));
        return extension == "csv"
            ? Respond(etag, ifNoneMatch, "text/csv; charset=utf-8", (stream, ct) => WriteCsv(resource, stream, ct))
            : Respond(etag, ifNoneMatch, "application/json", (stream, ct) => WriteJson(resource, stream, ct));
    }

    private static Outcome Respond(string etag, string? ifNoneMatch, string contentType, Func<Stream, CancellationToken, Task> write) =>
        Matches(ifNoneMatch, etag) ? new NotModified(etag) : new Download(etag, contentType, write);

    private static string Tag(byte[] content) => $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"";

    /// <summary>RFC 9110 weak comparison: any listed tag (weak or strong) or <c>*</c>.</summary>
    private static bool Matches(string? ifNoneMatch, string etag) =>
        ifNoneMatch is not null && ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(t => t == "*" || (t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t) == etag);

    private async Task WriteCsv(IOpenDataResource resource, Stream stream, CancellationToken cancellationToken)
    {
        await using var text = new StreamWriter(stream, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        var names = resource.Fields.Select(f => f.Name).ToArray();
        await using (var writer = Sep.New(',').Writer(o => o with { Escape = true, WriteHeader = false }).To(text))
        {
            await text.WriteLineAsync(string.Join(',', names).AsMemory(), cancellationToken);
            await foreach (var row in resource.Rows(db, cancellationToken))
            {
                await using var line = writer.NewRow(cancellationToken);
                for (var i = 0; i < names.Length; i++)
                {
                    line[i].Set(OpenDataValues.Text(row[i]) ?? "");
                }
            }
        }
        await text.FlushAsync(cancellationToken);
    }

    private async Task WriteJson(IOpenDataResource resource, Stream stream, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(stream);
        json.WriteStartArray();
        var rows = 0;
        await foreach (var row in resource.Rows(db, cancellationToken))
        {
            json.WriteStartObject();
            for (var i = 0; i < resource.Fields.Count; i++)
            {
                OpenDataValues.Write(json, resource.Fields[i].Name, row[i]);
            }
            json.WriteEndObject();
            if (++rows % 1000 == 0)
            {
                await json.FlushAsync(cancellationToken);
            }
        }
        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }
}
