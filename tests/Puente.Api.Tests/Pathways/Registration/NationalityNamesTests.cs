using Puente.Api.Tests.Infrastructure;

namespace Puente.Api.Tests.Pathways.Registration;

/// <summary>Nationality is kept as its ISO 3166 code and offered by name in the reader's language.</summary>
public sealed class NationalityNamesTests
{
    [Theory]
    [InlineData("es", "Haití", "Alemania")]
    [InlineData("en", "Haiti", "Germany")]
    [InlineData("ht", "Ayiti", "Allemagne")]
    public async Task The_register_page_names_each_country_in_the_readers_language_and_sends_its_code(string language, string haiti, string germany)
    {
        await using var app = new PuenteApp(demo: false);

        var page = await app.CreateClient().GetStringAsync($"/Apply/Register?lang={language}", TestContext.Current.CancellationToken);

        Assert.Contains($"<option value=\"HTI\">{haiti}</option>", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"DEU\">{germany}</option>", page, StringComparison.Ordinal);
    }
}
