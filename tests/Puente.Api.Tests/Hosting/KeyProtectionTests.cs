using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Database;

namespace Puente.Api.Tests.Hosting;

/// <summary>The data-protection key ring is stored in the database encrypted by a certificate kept outside it.</summary>
public sealed class KeyProtectionTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("puente-keys-").FullName;

    [Fact]
    public async Task Keys_stored_with_a_certificate_hold_no_plaintext_master_key()
    {
        using var certificate = SelfSigned();
        var pfx = Path.Combine(directory, "keys.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "test-password"), TestContext.Current.CancellationToken);
        await using var app = new PuenteApp(demo: false, settings: new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = "test-password",
        });

        var keys = await StoredKeysAfterMigrating(app);

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedXml", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        // The pass-signing key sealed with that ring still opens: the published key set is served.
        var published = await app.CreateClient().GetAsync("/.well-known/puente-keys.json", TestContext.Current.CancellationToken);
        Assert.True(published.IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_PEM_certificate_and_key_pair_encrypts_the_keys_too()
    {
        using var certificate = SelfSigned();
        var certificatePem = Path.Combine(directory, "keys.crt");
        var keyPem = Path.Combine(directory, "keys.key");
        await File.WriteAllTextAsync(certificatePem, certificate.ExportCertificatePem(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(keyPem, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);
        await using var app = new PuenteApp(demo: false, settings: new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePemPath"] = certificatePem,
            ["DataProtection:KeyPemPath"] = keyPem,
        });

        var keys = await StoredKeysAfterMigrating(app);

        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_certificate_the_stored_keys_are_plain_which_is_what_production_refuses()
    {
        await using var app = new PuenteApp(demo: false);
        var keys = await StoredKeysAfterMigrating(app);
        Assert.Contains(keys, xml => xml.Contains("<masterKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_without_a_certificate_refuses_to_start_and_names_the_settings()
    {
        await using var app = new PuenteApp(demo: false);
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var refused = Assert.ThrowsAny<Exception>(() => production.Services);

        Assert.Contains("DataProtection:CertificatePath", Flatten(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_starts_without_a_certificate_when_told_so_explicitly()
    {
        await using var app = new PuenteApp(demo: false, settings: new Dictionary<string, string?> { ["DataProtection:AllowUnencryptedKeys"] = "true" });
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var live = await production.CreateClient().GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.True(live.IsSuccessStatusCode);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static async Task<List<string>> StoredKeysAfterMigrating(PuenteApp app)
    {
        await app.MigrateAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        return await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync(TestContext.Current.CancellationToken);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Puente test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Flatten(e.InnerException);
}
