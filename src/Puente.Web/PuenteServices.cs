using Microsoft.AspNetCore.Identity;
using Puente.Web.Accounts;
using Puente.Web.Audit;
using Puente.Web.Binational.Briefing;
using Puente.Web.Binational.Encounters;
using Puente.Web.Binational.Figures;
using Puente.Web.Binational.OpenData;
using Puente.Web.Binational.Scenarios;
using Puente.Web.Binational.Simulator;
using Puente.Web.Database;
using Puente.Web.Demo;
using Puente.Web.Hosting;
using Puente.Web.Messaging;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Capacity;
using Puente.Web.Pathways.CheckIns;
using Puente.Web.Pathways.Draws;
using Puente.Web.Pathways.Passes;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;
using Puente.Web.Ports;
using Puente.Web.Ports.Costs;
using Puente.Web.Ports.Flows;
using Puente.Web.Ports.WaitTimes;
using Puente.Web.Ports.Closures;
using Puente.Web.Ports.Status;
using Puente.Web.Protection;
using Puente.Web.Protection.Cases;
using Puente.Web.Protection.Jurisdiction;
using Puente.Web.Protection.Privacy;
using Puente.Web.Protection.Statistics;

namespace Puente.Web;

/// <summary>What the web host and the command-line tool share: database, clock, use cases.</summary>
internal static class PuenteServices
{
    public const string PasswordHashingSection = "PasswordHashing";

    public static IServiceCollection AddPuenteCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddPuenteDatabase(configuration);
        // The key ring sits in the database, encrypted by a certificate given by configuration (required in Production).
        services.AddPuenteDataProtection(configuration);
        // Identity's PBKDF2 work factor (its default, 100,000, unless configured); stored hashes carry
        // their own count, so changing it never locks anyone out.
        services.AddOptions<PasswordHasherOptions>()
            .Bind(configuration.GetSection(PasswordHashingSection))
            .Validate(o => o.IterationCount >= 1, "PasswordHashing:IterationCount must be at least 1.")
            .ValidateOnStart();
        services.AddOptions<DemoOptions>()
            .Bind(configuration.GetSection(DemoOptions.Section))
            // Unless configured either way: on for a newcomer in Development on SQLite, never on a PostgreSQL
            // server that may hold real data.
            .PostConfigure<IHostEnvironment>((o, environment) => o.Enabled = configuration.GetValue<bool?>($"{DemoOptions.Section}:{nameof(DemoOptions.Enabled)}")
                ?? (environment.IsDevelopment() && configuration.GetValue($"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}", DatabaseProvider.Sqlite) == DatabaseProvider.Sqlite))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Messages are rendered in the recipient's language by the web host and the CLI alike.
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Translated problem answers, for the use cases that build their own HTTP result.
        services.AddSingleton<Problems>();
        services.AddOutbox(configuration);
        services.AddOptions<BackgroundJobsOptions>()
            .Bind(configuration.GetSection(BackgroundJobsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddScoped<MigrateDatabase>();
        services.AddScoped<SeedRoles>();
        services.AddScoped<SyncPortsRegistry>();
        services.AddScoped<ListPorts>();
        services.AddScoped<PortNames>();
        services.AddScoped<GetPort>();
        services.AddScoped<AddUser>();
        services.AddScoped<SeedDemoData>();
        services.AddScoped<StartDemoDay>();

        services.AddOptions<PathwaysOptions>()
            .Bind(configuration.GetSection(PathwaysOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PublishedAnnouncements>();
        services.AddDrawBeacon(configuration);
        services.AddScoped<RegisterApplicant>();
        services.AddScoped<GetRegistration>();
        services.AddScoped<VerifyContact>();
        services.AddSingleton<TravellerPhotos>();
        services.AddScoped<SaveTravellerPhoto>();
        services.AddScoped<SaveTraveller>();
        services.AddScoped<RemoveTraveller>();
        services.AddScoped<SendRecoveryCode>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<GetTravellerPhoto>();
        services.AddScoped<FindUnverifiedAccount>();
        services.AddScoped<ResendCode>();
        services.AddScoped<ExpireUnverifiedAccounts>();
        // The bearer stamps checked this minute: the middleware and a submission that compares its own share them.
        services.AddSingleton<SessionCheck>();
        // Submissions that arrive together share their reads and their insert (one queue per process).
        services.AddSingleton<SubmissionBatches>();
        services.AddScoped<SubmitRequest>();
        services.AddScoped<WithdrawRequest>();
        services.AddScoped<ListRequests>();
        services.AddScoped<ListOpenDates>();
        services.AddScoped<LocalTimes>();
        services.AddScoped<DailySchedule>();
        services.AddScoped<AnnounceDraw>();
        services.AddScoped<RunDraw>();
        services.AddScoped<ReenterNotSelected>();
        services.AddScoped<GetDraw>();
        services.AddSingleton<ClosedDayEntries>();
        services.AddScoped<ListDraws>();
        services.AddScoped<CheckTicket>();
        services.AddScoped<NotifyDrawResults>();
        services.AddScoped<GetSigningKey>();
        services.AddScoped<RotateSigningKey>();
        services.AddScoped<EnsureSigningKey>();
        services.AddScoped<IssuePasses>();
        services.AddScoped<GetPass>();
        services.AddScoped<DownloadPass>();
        services.AddScoped<BookAppointments>();
        services.AddScoped<ListAppointments>();
        services.AddScoped<CancelAppointment>();
        services.AddScoped<CheckInPass>();
        services.AddScoped<CloseAccess>();
        services.AddScoped<SignInThrottle>();
        services.AddScoped<SignIn>();
        services.AddScoped<ChangeRole>();
        services.AddScoped<ListUsers>();
        services.AddScoped<BoothManifest>();
        services.AddScoped<DownloadManifest>();
        services.AddScoped<GetOfficerPorts>();
        services.AddScoped<MarkNoShows>();
        services.AddScoped<GetSchedule>();
        services.AddScoped<SetSchedule>();
        services.AddScoped<ResetSchedule>();
        services.AddPortsData(configuration);

        // Ports: lane status and closures, with Appointments moving the groups a closure covers.
        services.AddScoped<ChangeLaneStatus>();
        services.AddScoped<GetPortStatus>();
        services.AddScoped<GetLaneHistory>();
        services.AddScoped<ClosePort>();
        services.AddScoped<GetClosure>();
        services.AddScoped<ListClosureCosts>();
        services.AddScoped<ReopenClosure>();
        services.AddScoped<ApplyPlannedClosures>();
        services.AddScoped<RebookAppointments>();
        services.AddScoped<GetOccupancy>();
        services.AddScoped<RecordDecember2023Closures>();
        services.AddScoped<AuditLog>();
        services.AddScoped<VerifyAuditLog>();
        services.AddScoped<PublishAuditHead>();
        services.AddProtection(configuration);

        // Binational: read-only figures over what the other areas record, and CBP's encounters.
        services.AddScoped<ImportEncounters>();
        services.AddScoped<GetPeriodFigures>();
        services.AddScoped<ComputeScenarios>();
        services.AddSingleton<BriefingPdf>();
        return services;
    }

    private static void AddPortsData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WaitTimesOptions>().Bind(configuration.GetSection(WaitTimesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClosureCostOptions>().Bind(configuration.GetSection(ClosureCostOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(WaitTimesPoller.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(60));
        services.AddScoped<ImportWaitTimes>();
        services.AddScoped<GetWaitHistory>();
        services.AddScoped<ImportBtsFlows>();
        services.AddScoped<GetMonthlyFlows>();
        services.AddScoped<EstimateClosureCost>();
    }

    private static void AddProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProtectionOptions>().Bind(configuration.GetSection(ProtectionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FindJurisdiction>();
        services.AddSingleton<CaseSeal>();
        services.AddScoped<CaseChange>();
        services.AddScoped<OpenCase>();
        services.AddScoped<FindCases>();
        services.AddScoped<GetCase>();
        services.AddScoped<GetCaseHistory>();
        services.AddScoped<AssignCase>();
        services.AddScoped<MoveCase>();
        services.AddScoped<AddNote>();
        services.AddScoped<UpdateCase>();
        services.AddScoped<TransferCase>();
        services.AddScoped<CountCases>();
        services.AddScoped<RunPolicySimulation>();
        OpenDataCatalog.Register(services);
    }

    private static void AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<MessageTemplates>();
        services.AddScoped<EnqueueMessage>();
        services.AddScoped<SendOutboxMessages>();
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
        // One account per contact is the user name's unique index once a contact is verified
        // (VerifyContact); requiring an e-mail would refuse registrations by phone.
        options.User.RequireUniqueEmail = false;
        options.Password.RequiredLength = 12;
        // No lockout after failed passwords: anyone could lock anyone out (an officer at shift change).
        // Failures slow down the (address, account) pair instead (SignInThrottle); lockout only
        // carries `puente users disable`.
        options.Lockout.AllowedForNewUsers = false;
    }
}
