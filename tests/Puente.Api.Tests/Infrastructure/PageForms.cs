using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Puente.Api.Tests.Infrastructure;

/// <summary>Drives server-rendered pages the way a browser without JavaScript does: cookies and form posts.</summary>
public static partial class PageForms
{
    /// <summary>A cookie-carrying client signed in through the login page.</summary>
    public static async Task<HttpClient> SignIn(
        PuenteApp app, string email, string? browserLanguage = null, string password = PuenteApp.DemoPassword, bool followRedirects = true)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
        if (browserLanguage is not null)
        {
            // Pages reached by redirect speak the browser's language.
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(browserLanguage);
        }
        var login = await client.GetStringAsync("/Account/Login?lang=en", TestContext.Current.CancellationToken);
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = Antiforgery(login),
        }), TestContext.Current.CancellationToken);
        // Signed in, the login page sends the person on; a refused sign-in shows the form again.
        Assert.True(followRedirects ? response.IsSuccessStatusCode : response.StatusCode == HttpStatusCode.Redirect,
            $"sign-in answered {response.StatusCode}");
        return client;
    }

    /// <summary>Posts a form whose fields may repeat (checkboxes of one name), with the page's antiforgery token.</summary>
    public static Task<HttpResponseMessage> Post(HttpClient client, string url, string page, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", Antiforgery(page))]), TestContext.Current.CancellationToken);

    /// <summary>Posts a form of <paramref name="page"/>, with the antiforgery token the page carried.</summary>
    public static Task<HttpResponseMessage> Post(HttpClient client, string url, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Antiforgery(page);
        return client.PostAsync(url, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }

    private static string Antiforgery(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)""")]
    private static partial Regex AntiforgeryField();
}
