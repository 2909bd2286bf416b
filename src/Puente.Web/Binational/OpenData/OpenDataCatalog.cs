namespace Puente.Web.Binational.OpenData;

/// <summary>Every published table, in the order the data package lists them. A name, once published, stays.</summary>
internal sealed class OpenDataCatalog(IEnumerable<IOpenDataResource> resources)
{
    public const string Licence = "CC-BY-4.0";
    public const string LicenceTitle = "Creative Commons Attribution 4.0 International";
    public const string LicencePath = "https://creativecommons.org/licenses/by/4.0/";

    public IReadOnlyList<IOpenDataResource> Resources { get; } = [.. resources];

    public IOpenDataResource? Find(string name) => Resources.FirstOrDefault(r => r.Name == name);

    public static IServiceCollection Register(IServiceCollection services)
    {
        services.AddSingleton<IOpenDataResource, DrawStatistics>();
        services.AddSingleton<IOpenDataResource, PublishedCapacity>();
        services.AddSingleton<IOpenDataResource, PublishedClosures>();
        services.AddSingleton<IOpenDataResource, LaneStatusHistory>();
        services.AddSingleton<IOpenDataResource, WaitTimeArchive>();
        services.AddSingleton<IOpenDataResource, ProtectionAggregates>();
        services.AddSingleton<OpenDataCatalog>();
        services.AddScoped<DownloadResource>();
        return services;
    }
}
