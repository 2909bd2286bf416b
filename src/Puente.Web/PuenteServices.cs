using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Puente.Web.Database;
using Puente.Web.Features.Accounts;
using Puente.Web.Features.Appointments;
using Puente.Web.Features.CheckIns;
using Puente.Web.Features.Demo;
using Puente.Web.Features.Passes;
using Puente.Web.Features.Ports;

namespace Puente.Web;

/// <summary>What the web host and the command-line tool share: database, clock, use cases.</summary>
public static class PuenteServices
{
    public static IServiceCollection AddPuenteCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddPuenteDatabase(configuration);
        services.AddDataProtection().SetApplicationName("puente").PersistKeysToDbContext<PuenteDb>();
        services.AddOptions<DemoOptions>()
            .Bind(configuration.GetSection(DemoOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<NoShowSweepOptions>()
            .Bind(configuration.GetSection(NoShowSweepOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddScoped<MigrateDatabase>();
        services.AddScoped<SeedRoles>();
        services.AddScoped<SyncPortsRegistry>();
        services.AddScoped<AddUser>();
        services.AddScoped<SeedDemoData>();
        services.AddScoped<GetSigningKey>();
        services.AddScoped<RotateSigningKey>();
        services.AddScoped<IssuePass>();
        services.AddScoped<CancelAppointment>();
        services.AddScoped<CheckInPass>();
        services.AddScoped<MarkNoShows>();
        return services;
    }

    /// <summary>Identity without cookies or endpoints, for the CLI.</summary>
    public static IServiceCollection AddPuenteIdentityCore(this IServiceCollection services)
    {
        services.AddIdentityCore<PuenteUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PuenteDb>();
        return services;
    }

    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 12;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }
}
