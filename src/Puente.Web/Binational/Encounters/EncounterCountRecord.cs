using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Puente.Web.Binational.Encounters;

/// <summary>
/// One monthly count of CBP's southwest land border encounters for one component, demographic, citizenship,
/// authority and encounter type. As with BTS counts (ADR 0013), the count is part of the key: an exact repeat
/// collapses, a second value for the same cell is kept beside the first for people to see. Written only by
/// <see cref="ImportEncounters"/>.
/// </summary>
internal sealed class EncounterCountRecord
{
    public DateOnly Month { get; set; }
    public required string Component { get; set; }
    public required string Demographic { get; set; }
    public required string Citizenship { get; set; }
    public required string Authority { get; set; }
    public required string EncounterType { get; set; }
    public long Count { get; set; }
}

internal sealed class EncounterCountRecordConfiguration : IEntityTypeConfiguration<EncounterCountRecord>
{
    public void Configure(EntityTypeBuilder<EncounterCountRecord> count)
    {
        count.ToTable("cbp_encounter_counts");
        count.HasKey(c => new { c.Month, c.Component, c.Demographic, c.Citizenship, c.Authority, c.EncounterType, c.Count });
        count.Property(c => c.Component).HasMaxLength(64);
        count.Property(c => c.Demographic).HasMaxLength(64);
        count.Property(c => c.Citizenship).HasMaxLength(64);
        count.Property(c => c.Authority).HasMaxLength(32);
        count.Property(c => c.EncounterType).HasMaxLength(32);
    }
}
