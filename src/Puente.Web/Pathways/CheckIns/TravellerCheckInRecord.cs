using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Puente.Web.Pathways.CheckIns;

/// <summary>
/// A person admitted at a port on a date. The unique (date, identity) key admits one identity once per
/// date, whichever pass it comes with: two passes bought for the same document cannot both be used.
/// </summary>
internal sealed class TravellerCheckInRecord
{
    public DateOnly ServiceDate { get; set; }

    /// <summary>The traveller's document key ("D|…"), or their names and birth date ("N|…") without one.</summary>
    public required string IdentityKey { get; set; }

    public Guid TravellerId { get; set; }
    public Guid AppointmentId { get; set; }
    public required string PortCode { get; set; }
    public DateTimeOffset CheckedInAt { get; set; }
    public required string OfficerUserId { get; set; }

    public static string IdentityOf(string entryKey, string namesKey) =>
        entryKey.StartsWith("D|", StringComparison.Ordinal) ? entryKey : "N|" + namesKey;
}

internal sealed class TravellerCheckInRecordConfiguration : IEntityTypeConfiguration<TravellerCheckInRecord>
{
    public void Configure(EntityTypeBuilder<TravellerCheckInRecord> checkIn)
    {
        checkIn.ToTable("traveller_checkins");
        checkIn.HasKey(c => new { c.ServiceDate, c.IdentityKey });
        checkIn.Property(c => c.IdentityKey).HasMaxLength(510);
        checkIn.Property(c => c.PortCode).HasMaxLength(4);
        checkIn.Property(c => c.OfficerUserId).HasMaxLength(450);
        checkIn.HasIndex(c => c.AppointmentId);
    }
}
