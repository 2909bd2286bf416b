namespace Puente.Browser.Tests.Infrastructure;

/// <summary>The public pages and languages every page-wide check walks through.</summary>
public static class Site
{
    public static readonly IReadOnlyList<string> Pages =
        ["/", "/Ports", "/Ports/2504", "/Ports/Status", "/Ports/2504/Waits", "/Ports/2504/Flows", "/Draws", "/Apply/Register", "/Account/Login", "/Account/Denied", "/Error?code=404", "/Consulates?county=48375"];

    /// <summary>
    /// Pages on the <see cref="DrawnDay"/> server with who is signed in ("" for nobody): an open date to
    /// request, a booked appointment with its pass, the check-in page, a drawn date with a ticket's result,
    /// the officer's lanes and closure pages.
    /// </summary>
    public static readonly IReadOnlyList<(string Path, string Account)> DrawnDayPages =
    [
        ("/Apply", DrawnDay.Booked),
        ("/Appointments", DrawnDay.Booked),
        ("/Officer/CheckIn", DrawnDay.Officer),
        ("/Draws/2026-12-01", ""),
        ("/Officer/Ports/2504/Status", DrawnDay.Officer),
        ("/Officer/Ports/2504/Close", DrawnDay.Officer),
    ];

    public static readonly IReadOnlyList<string> Languages = ["es", "en", "ht"];

    public static TheoryData<string, string> PagesInEveryLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in Pages)
        {
            foreach (var language in Languages)
            {
                data.Add(page, language);
            }
        }
        return data;
    }

    public static TheoryData<string, string, string> DrawnDayPagesInEveryLanguage()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (page, account) in DrawnDayPages)
        {
            foreach (var language in Languages)
            {
                data.Add(page, account, language);
            }
        }
        return data;
    }

    public static TheoryData<string> EveryLanguage() => new(Languages);

    /// <summary>The login form's visible labels, as a person reads them in each language.</summary>
    public static LoginForm Login(string language) => language switch
    {
        "en" => new("Email", "Password", "Sign in"),
        "ht" => new("Imèl", "Modpas", "Antre"),
        _ => new("Correo electrónico", "Contraseña", "Entrar"),
    };

    /// <summary>The page in one language through `?lang=`, the form a shared link takes.</summary>
    public static string InLanguage(string page, string language) =>
        page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + language;
}

public sealed record LoginForm(string Email, string Password, string Submit)
{
    public async Task SubmitAsync(Microsoft.Playwright.IPage page, string email, string password)
    {
        await page.GetByLabel(Email, new() { Exact = true }).FillAsync(email);
        await page.GetByLabel(Password, new() { Exact = true }).FillAsync(password);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = Submit, Exact = true }).ClickAsync();
    }
}
