using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Web.Accounts;

namespace Puente.Web.Pathways.Registration;

/// <summary>
/// The code that proves an applicant holds the e-mail address or phone they registered with. Only a
/// hash of the code is kept; <see cref="Attempts"/> counts wrong tries against <see cref="MaxAttempts"/>.
/// </summary>
internal sealed class ContactVerificationRecord
{
    public const int MaxAttempts = 5;
    public const int MaxSends = 5;
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(60);

    /// <summary>An account whose contact is not verified within this time is deleted.</summary>
    public static readonly TimeSpan AccountLifetime = TimeSpan.FromHours(24);

    public required string UserId { get; set; }

    /// <summary>The contact the code went to: an e-mail address or an E.164 phone number.</summary>
    public required string Contact { get; set; }

    public required string CodeHash { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int Attempts { get; set; }
    public int Sends { get; set; }
    public DateTimeOffset AccountCreatedAt { get; set; }

    /// <summary>A fresh six-digit code, and the record holding its hash.</summary>
    public static (string Code, string Hash) NewCode(string userId)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        return (code, Hash(userId, code));
    }

    /// <summary>The hash is bound to the account, so one account's code can never verify another.</summary>
    public static string Hash(string userId, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"puente-contact-code|{userId}|{code}")));

    public bool Matches(string code) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(CodeHash), Encoding.ASCII.GetBytes(Hash(UserId, code.Trim())));
}

internal sealed class ContactVerificationRecordConfiguration : IEntityTypeConfiguration<ContactVerificationRecord>
{
    public void Configure(EntityTypeBuilder<ContactVerificationRecord> verification)
    {
        verification.ToTable("contact_verifications");
        verification.HasKey(v => v.UserId);
        verification.Property(v => v.Contact).HasMaxLength(256);
        verification.Property(v => v.CodeHash).HasMaxLength(64);
        verification.HasIndex(v => v.Contact);
        verification.HasIndex(v => v.AccountCreatedAt);
        verification.HasOne<PuenteUser>().WithOne().HasForeignKey<ContactVerificationRecord>(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
