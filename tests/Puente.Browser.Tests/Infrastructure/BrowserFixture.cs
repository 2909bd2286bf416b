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

    private readonly Lazy<Task<DrawnDay>> drawnDay = new(Infrastructure.DrawnDay.StartAsync);

    public PuenteServer Server { get; } = new();

    /// <summary>The server on a drawn service date, started by the first test that asks for it.</summary>
    public Task<DrawnDay> DrawnDay => drawnDay.Value;

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
    public Task<IBrowserContext> NewContextAsync(bool javaScript = true, string locale = "es-MX") =>
        NewContextAsync(Server, javaScript, locale);

    /// <summary>A clean context on another server, e.g. one whose clock the test owns.</summary>
    public async Task<IBrowserContext> NewContextAsync(PuenteServer server, bool javaScript = true, string locale = "es-MX")
    {
        Chromium.RequireInstalled();
        return await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Address.ToString(),
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
        // A day that failed to start cleaned up after itself; its failure was reported by the tests.
        if (drawnDay.IsValueCreated && drawnDay.Value.IsCompletedSuccessfully)
        {
            await (await drawnDay.Value).DisposeAsync();
        }
        await Server.DisposeAsync();
    }
}
