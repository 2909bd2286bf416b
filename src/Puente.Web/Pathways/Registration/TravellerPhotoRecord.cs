using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Puente.Web.Pathways.Registration;

/// <summary>A traveller's photo for the officer at the booth: a small JPEG without metadata, encrypted
/// (<see cref="TravellerPhotos"/>). It is never part of a pass or of anything published.</summary>
internal sealed class TravellerPhotoRecord
{
    public Guid TravellerId { get; set; }
    public required byte[] Protected { get; set; }
    public DateTimeOffset TakenAt { get; set; }
}

internal sealed class TravellerPhotoRecordConfiguration : IEntityTypeConfiguration<TravellerPhotoRecord>
{
    public void Configure(EntityTypeBuilder<TravellerPhotoRecord> photo)
    {
        photo.ToTable("traveller_photos");
        photo.HasKey(p => p.TravellerId);
        photo.HasOne<TravellerRecord>().WithOne().HasForeignKey<TravellerPhotoRecord>(p => p.TravellerId).OnDelete(DeleteBehavior.Cascade);
    }
}
