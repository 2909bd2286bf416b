using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Puente.Api.Tests.Infrastructure;

/// <summary>
/// The in-memory server has no network, so every request comes from no address at all. A test that
/// needs people at different addresses names one in <see cref="Header"/>; the server sees it as the
/// connection's address, before anything else runs (forwarded headers included).
/// </summary>
public static class ClientAddresses
{
    public const string Header = "X-Test-Client-Address";

    /// <summary>A client whose requests all come from <paramref name="address"/>, following no redirects.</summary>
    public static HttpClient From(PuenteApp app, string address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    internal sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return following(context);
            });
            next(app);
        };
    }
}
