using Microsoft.Extensions.Time.Testing;
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

    /// <summary>
    /// The public pages' server, stopped on the drawn day's morning like <see cref="DrawnDay"/>, so every
    /// test sees the same day whenever the suite runs; the demo's draw of the day before is on /Draws.
    /// </summary>
    public PuenteServer Server { get; } = new(new FakeTimeProvider(Infrastructure.DrawnDay.ServiceMorning), demoDraw: true);

    /// <summary>The server on a drawn service date, started by the first test that asks for it.</summary>
    internal Task<DrawnDay> DrawnDay => drawnDay.Value;

    public async ValueTask InitializeAsync()
    {
        Server.Start();
        await Server.ImportPortsData();
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

    /// <summary>A clean context on another server, e.g. the drawn day or one the test prepared itself.</summary>
    /// <param name="phoneWidth">A phone's viewport (e.g. 390 CSS pixels) instead of the default desktop one.</param>
    public async Task<IBrowserContext> NewContextAsync(PuenteServer server, bool javaScript = true, string locale = "es-MX", int? phoneWidth = null)
    {
        Chromium.RequireInstalled();
        return await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Address.ToString(),
            Locale = locale,
            JavaScriptEnabled = javaScript,
            ViewportSize = phoneWidth is { } width ? new ViewportSize { Width = width, Height = 844 } : null,
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
