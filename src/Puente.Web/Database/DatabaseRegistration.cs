using Microsoft.EntityFrameworkCore;

namespace Puente.Web.Database;

internal static class DatabaseRegistration
{
    public const string DefaultSqliteConnection = "Data Source=puente.db";

    /// <summary>Registers <see cref="PuenteDb"/> for the provider named in configuration.</summary>
    public static IServiceCollection AddPuenteDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var provider = configuration.GetValue(
            $"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}", DatabaseProvider.Sqlite);
        var connection = configuration.GetConnectionString("Puente");

        // Pooled: a request rents a context already built and hands it back reset, instead of building one.
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connection))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Puente is empty.");
                }
                services.AddDbContextPool<PuenteDb, PostgresPuenteDb>(o => o.UseNpgsql(connection));
                break;
            default:
                services.AddDbContextPool<PuenteDb, SqlitePuenteDb>(o => o
                    .UseSqlite(string.IsNullOrWhiteSpace(connection) ? DefaultSqliteConnection : connection)
                    .AddInterceptors(new SqliteConnectionSetup()));
                break;
        }
        return services;
    }
}
