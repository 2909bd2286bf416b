using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Puente.Web;
using Puente.Web.Database;

namespace Puente.Benchmarks;

/// <summary>
/// The services of the web host on a SQLite file of its own, migrated once; each measured run starts
/// from a copy of that file, so a benchmark that writes always finds the same database.
/// </summary>
internal sealed class PuenteHost : IDisposable
{
    private readonly string template;

    private PuenteHost(string directory, ServiceProvider services)
    {
        Directory = directory;
        Services = services;
        template = Path.Combine(directory, "template.db");
    }

    public string Directory { get; }

    public ServiceProvider Services { get; }

    private string Live => Path.Combine(Directory, "puente.db");

    /// <param name="settings">More configuration, e.g. the ports' slots.</param>
    public static async Task<PuenteHost> Start(IDictionary<string, string?>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"puente-bench-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            // No pooling: the file is replaced between runs.
            ["ConnectionStrings:Puente"] = $"Data Source={Path.Combine(directory, "puente.db")};Pooling=False",
            // A throwaway database: its key ring needs no certificate.
            ["DataProtection:AllowUnencryptedKeys"] = "true",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        collection.AddPuenteCore(configuration);
        collection.AddPuenteIdentityCore();
        var host = new PuenteHost(directory, collection.BuildServiceProvider());
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().Handle();
        }
        return host;
    }

    /// <summary>Keeps the database as it is now as the state every run starts from.</summary>
    public void Snapshot() => File.Copy(Live, template, overwrite: true);

    /// <summary>Puts the kept state back.</summary>
    public void Restore() => File.Copy(template, Live, overwrite: true);

    public void Dispose()
    {
        Services.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
