using Puente.Api.Tests.Infrastructure;

namespace Puente.Api.Tests.Hosting;

/// <summary>A phone set to French in Haiti reads Creole; other unknown languages read the Spanish default.</summary>
public sealed class LanguageFallbackTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("fr-HT", "ht")]
    [InlineData("ht-HT", "ht")]
    [InlineData("fr", "ht")]
    [InlineData("fr-FR,fr;q=0.9", "ht")]
    [InlineData("de-DE, en;q=0.5", "en")]
    [InlineData("en;q=0.2, fr-HT;q=0.8", "ht")]
    [InlineData("de", "es")]
    public async Task The_browsers_language_falls_back_to_one_puente_speaks(string acceptLanguage, string expected)
    {
        await using var app = new PuenteApp(demo: false);
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var page = await (await client.SendAsync(request, Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Contains($"<html lang=\"{expected}\"", page, StringComparison.Ordinal);
    }
}
