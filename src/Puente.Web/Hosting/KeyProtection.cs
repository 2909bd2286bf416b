using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting;
using Puente.Web.Database;

namespace Puente.Web.Hosting;

/// <summary>
/// The data-protection key ring (which opens photos and pass-signing keys) lives in the database;
/// a certificate kept outside it encrypts every key before it is stored, so a copy of the database
/// alone opens nothing.
/// </summary>
internal sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 file (.pfx, .p12) holding the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>Or a PEM pair: the certificate, and its (unencrypted) private key.</summary>
    public string? CertificatePemPath { get; set; }
    public string? KeyPemPath { get; set; }

    /// <summary>Certificates that encrypted keys before the current one, so those keys still open after a change of certificate.</summary>
    public string[] PreviousCertificatePaths { get; set; } = [];

    /// <summary>An explicit choice to keep the key ring unencrypted in Production.</summary>
    public bool AllowUnencryptedKeys { get; set; }
}

internal static class KeyProtection
{
    public static void AddPuenteDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new();
        var builder = services.AddDataProtection().SetApplicationName("puente").PersistKeysToDbContext<PuenteDb>();
        if (Load(options) is { } certificate)
        {
            builder.ProtectKeysWithCertificate(certificate);
            builder.UnprotectKeysWithAnyCertificate(
                [certificate, .. options.PreviousCertificatePaths.Select(p => LoadPkcs12(p, options.CertificatePassword))]);
        }
        else if (IsProduction(configuration) && !options.AllowUnencryptedKeys && !configuration.GetValue<bool>("Demo:Enabled"))
        {
            throw new InvalidOperationException(
                "Production needs a certificate to encrypt the data-protection keys stored in the database: set " +
                "DataProtection:CertificatePath (and DataProtection:CertificatePassword), or DataProtection:CertificatePemPath and " +
                "DataProtection:KeyPemPath. To keep the keys unencrypted anyway, set DataProtection:AllowUnencryptedKeys=true " +
                "(see docs/operators/configuration.md).");
        }
    }

    private static X509Certificate2? Load(KeyProtectionOptions options)
    {
        var pkcs12 = !string.IsNullOrWhiteSpace(options.CertificatePath);
        var pem = !string.IsNullOrWhiteSpace(options.CertificatePemPath) || !string.IsNullOrWhiteSpace(options.KeyPemPath);
        if (pkcs12 && pem)
        {
            throw new InvalidOperationException("Give either DataProtection:CertificatePath or DataProtection:CertificatePemPath with KeyPemPath, not both.");
        }
        if (pem && (string.IsNullOrWhiteSpace(options.CertificatePemPath) || string.IsNullOrWhiteSpace(options.KeyPemPath)))
        {
            throw new InvalidOperationException("DataProtection:CertificatePemPath and DataProtection:KeyPemPath go together.");
        }
        var certificate = pkcs12 ? LoadPkcs12(options.CertificatePath!, options.CertificatePassword)
            : pem ? Read(options.CertificatePemPath!, () => X509Certificate2.CreateFromPemFile(options.CertificatePemPath!, options.KeyPemPath))
            : null;
        if (certificate is { HasPrivateKey: false })
        {
            throw new InvalidOperationException($"The data-protection certificate {certificate.Subject} has no private key; keys it encrypts could never be read.");
        }
        return certificate;
    }

    private static X509Certificate2 LoadPkcs12(string path, string? password) =>
        Read(path, () => X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet));

    private static X509Certificate2 Read(string path, Func<X509Certificate2> load)
    {
        try
        {
            return load();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"The data-protection certificate {path} could not be read: {e.Message}", e);
        }
    }

    /// <summary>The host's environment as configuration carries it; a process that names none runs as Production, like the host.</summary>
    private static bool IsProduction(IConfiguration configuration) =>
        string.Equals(configuration[HostDefaults.EnvironmentKey]
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environments.Production, Environments.Production, StringComparison.OrdinalIgnoreCase);
}
