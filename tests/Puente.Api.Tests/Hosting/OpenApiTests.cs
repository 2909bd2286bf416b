using Microsoft.OpenApi.Reader;
using Puente.Api.Tests.Infrastructure;

using Puente.Api.Tests.Accounts;
using Puente.Api.Tests.Ports;

namespace Puente.Api.Tests.Hosting;

public sealed class OpenApiTests
{
    [Fact]
    public async Task The_openapi_document_is_valid_and_describes_the_ports_api()
    {
        await using var app = new PuenteApp();
        await using var stream = await app.CreateClient().GetStreamAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        var (document, diagnostic) = await Microsoft.OpenApi.OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings(), TestContext.Current.CancellationToken);

        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors);
        Assert.StartsWith("3.", diagnostic.SpecificationVersion.ToString().Replace("OpenApi", "", StringComparison.Ordinal).Replace('_', '.'));
        Assert.Contains("/api/ports", document.Paths.Keys);
        Assert.Contains("/api/ports/{code}", document.Paths.Keys);
        Assert.Contains("/api/ports/{code}/waits", document.Paths.Keys);
        Assert.Contains("/api/ports/{code}/flows", document.Paths.Keys);
        Assert.Contains("/api/ports/{code}/closure-cost", document.Paths.Keys);
        Assert.Contains("/api/auth/login", document.Paths.Keys);
        Assert.Contains("/api/auth/refresh", document.Paths.Keys);
        Assert.DoesNotContain("/api/auth/register", document.Paths.Keys);
    }
}
