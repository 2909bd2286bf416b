using System.Net;
using Puente.Api.Tests.Infrastructure;

using Puente.Api.Tests.Accounts;
using Puente.Api.Tests.Ports;

namespace Puente.Api.Tests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task Ready_answers_200_when_the_database_is_reachable()
    {
        await using var app = new PuenteApp();
        var response = await app.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Live_answers_200_without_touching_the_database()
    {
        await using var app = new PuenteApp();
        var response = await app.CreateClient().GetAsync("/health/live", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_answers_503_when_the_database_was_never_migrated()
    {
        await using var app = new PuenteApp(demo: false, database: TestDatabase.CreateEmpty());
        var response = await app.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);
        // Without demo nothing migrates the database by itself; the health check must notice.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
