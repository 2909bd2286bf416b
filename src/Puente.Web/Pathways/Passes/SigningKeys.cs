using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Passes;

/// <summary>A published public key in JWK form (RFC 7517/7518).</summary>
internal sealed record PublicJwk(string Kty, string Crv, string X, string Y, string Kid, string Alg, string Use);

/// <summary>How signing keys are made, protected at rest and read back; shared by the use cases.</summary>
internal static class SigningKeys
{
    public const string ProtectorPurpose = "Puente.Passes.SigningKeys";

    private static readonly JsonSerializerOptions JwkJson = new(JsonSerializerDefaults.Web);

    public static SigningKeyRecord Create(IDataProtectionProvider protection, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: false);
        var x = Base64Url.EncodeToString(parameters.Q.X);
        var y = Base64Url.EncodeToString(parameters.Q.Y);
        var kid = Thumbprint(x, y);
        return new SigningKeyRecord
        {
            KeyId = kid,
            ProtectedPrivateKey = protection.CreateProtector(ProtectorPurpose).Protect(Convert.ToBase64String(key.ExportPkcs8PrivateKey())),
            PublicJwk = JsonSerializer.Serialize(new PublicJwk("EC", "P-256", x, y, kid, "ES256", "sig"), JwkJson),
            CreatedAt = now,
        };
    }

    public static ECDsa PrivateKey(SigningKeyRecord record, IDataProtectionProvider protection)
    {
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(protection.CreateProtector(ProtectorPurpose).Unprotect(record.ProtectedPrivateKey)), out _);
        return key;
    }

    public static PublicJwk Jwk(string json) => JsonSerializer.Deserialize<PublicJwk>(json, JwkJson)!;

    public static ECDsa PublicKey(PublicJwk jwk) => ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = Base64Url.DecodeFromChars(jwk.X), Y = Base64Url.DecodeFromChars(jwk.Y) },
    });

    /// <summary>Every key that may have signed a live pass: the active one and the retired ones.</summary>
    public static async Task<List<PublicJwk>> Published(PuenteDb db, CancellationToken cancellationToken)
    {
        // A handful of rows, ordered here: SQLite cannot order by DateTimeOffset.
        var stored = await db.SigningKeys.Select(k => new { k.CreatedAt, k.KeyId, k.PublicJwk }).ToListAsync(cancellationToken);
        return stored.OrderBy(k => k.CreatedAt).ThenBy(k => k.KeyId, StringComparer.Ordinal).Select(k => Jwk(k.PublicJwk)).ToList();
    }

    /// <summary>The RFC 7638 thumbprint, shortened: the kid travels in every QR code, so 16 characters
    /// (96 bits) rather than 43; collisions between a handful of keys are not a concern.</summary>
    private static string Thumbprint(string x, string y)
    {
        var canonical = $$"""{"crv":"P-256","kty":"EC","x":"{{x}}","y":"{{y}}"}""";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)).AsSpan(0, 12));
    }
}
