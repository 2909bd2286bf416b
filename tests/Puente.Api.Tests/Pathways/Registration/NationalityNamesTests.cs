using Puente.Api.Tests.Infrastructure;

namespace Puente.Api.Tests.Pathways.Registration;

/// <summary>Nationality is kept as its ISO 3166 code and offered by name in the reader's language.</summary>
public sealed class NationalityNamesTests
{
    [Theory]
    [InlineData("es", "Haití", "Alemania", "China", "Noruega")]
    [InlineData("en", "Haiti", "Germany", "China", "Norway")]
    // Creole from the resources for the countries Puente's users come from; French (CLDR) for the rest.
    [InlineData("ht", "Ayiti", "Almay", "Lachin", "Norvège")]
    public async Task The_register_page_names_each_country_in_the_readers_language_and_sends_its_code(string language, string haiti, string germany, string china, string norway)
    {
        await using var app = new PuenteApp(demo: false);

        var page = await app.CreateClient().GetStringAsync($"/Apply/Register?lang={language}", TestContext.Current.CancellationToken);

        Assert.Contains($"<option value=\"HTI\">{haiti}</option>", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"DEU\">{germany}</option>", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"CHN\">{china}</option>", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"NOR\">{norway}</option>", page, StringComparison.Ordinal);
    }
}
