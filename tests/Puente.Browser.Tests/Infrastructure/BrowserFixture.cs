using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Puente.Browser.Tests.Infrastructure.BrowserFixture))]

namespace Puente.Browser.Tests.Infrastructure;

/// <summary>
/// One server and one Chromium for the whole run (starting either costs more than most tests);
/// every test gets its own browser context, so cookies and language never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public PuenteServer Server { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Server.Start();
        if (!Chromium.IsInstalled)
        {
            // Each test reports the missing browser itself, as a skip or (in CI) a failure.
            return;
        }
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
    }

    /// <summary>A clean context: no cookies, a Spanish browser like most of Puente's users unless asked otherwise.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool javaScript = true, string locale = "es-MX")
    {
        Chromium.RequireInstalled();
        return await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address.ToString(),
            Locale = locale,
            JavaScriptEnabled = javaScript,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
