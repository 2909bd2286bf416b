using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Puente.Web.Pathways.Passes;

/// <summary>An ES256 key that signs passes. Retired keys stay published so passes they signed still verify.</summary>
internal sealed class SigningKeyRecord
{
    public required string KeyId { get; set; }

    /// <summary>The private key, PKCS#8, protected with ASP.NET Core Data Protection.</summary>
    public required string ProtectedPrivateKey { get; set; }

    /// <summary>The public key as a JWK (JSON).</summary>
    public required string PublicJwk { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
}

internal sealed class SigningKeyRecordConfiguration : IEntityTypeConfiguration<SigningKeyRecord>
{
    public void Configure(EntityTypeBuilder<SigningKeyRecord> key)
    {
        key.ToTable("signing_keys");
        key.HasKey(k => k.KeyId);
        key.Property(k => k.KeyId).HasMaxLength(64);
    }
}
