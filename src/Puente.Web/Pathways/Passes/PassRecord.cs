using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Web.Pathways.Appointments;

namespace Puente.Web.Pathways.Passes;

/// <summary>
/// An appointment's signed pass: minted and signed once when the appointment is booked, and signed
/// again only when its key is rotated. Showing a pass reads this row; it never signs.
/// </summary>
internal sealed class PassRecord
{
    /// <summary>The id the token carries and an officer's scan looks up.</summary>
    public required string PassId { get; set; }

    public Guid AppointmentId { get; set; }

    /// <summary>The key that signed <see cref="Token"/>.</summary>
    public required string KeyId { get; set; }

    /// <summary>The compact JWS the QR code holds.</summary>
    public required string Token { get; set; }

    public DateTimeOffset SignedAt { get; set; }

    /// <summary>When the appointment moved and this pass was replaced; a revoked pass admits nobody.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class PassRecordConfiguration : IEntityTypeConfiguration<PassRecord>
{
    public void Configure(EntityTypeBuilder<PassRecord> pass)
    {
        pass.ToTable("passes");
        pass.HasKey(p => p.PassId);
        pass.Property(p => p.PassId).HasMaxLength(64);
        pass.Property(p => p.KeyId).HasMaxLength(64);
        // One live pass per appointment; revoked ones stay, so a scan of an old pass can say it was replaced.
        pass.HasIndex(p => p.AppointmentId).IsUnique().HasFilter("\"RevokedAt\" IS NULL");
        pass.HasOne<AppointmentRecord>().WithMany().HasForeignKey(p => p.AppointmentId);
    }
}
