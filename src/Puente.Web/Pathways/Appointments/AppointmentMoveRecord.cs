using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Domain.Ports.Closures;
using Puente.Web.Ports.Closures;

namespace Puente.Web.Pathways.Appointments;

/// <summary>
/// What a closure did to one appointment: where it was, and where it went (nothing when no rule found
/// room). One row per closure and appointment, so running the closure again adds nothing.
/// </summary>
internal sealed class AppointmentMoveRecord
{
    public Guid ClosureId { get; set; }
    public Guid AppointmentId { get; set; }
    public int Persons { get; set; }
    public required string FromPort { get; set; }
    public DateOnly FromDate { get; set; }
    public required string FromSlot { get; set; }
    public string? ToPort { get; set; }
    public DateOnly? ToDate { get; set; }
    public string? ToSlot { get; set; }
    public RebookingRule? Rule { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
}

internal sealed class AppointmentMoveRecordConfiguration : IEntityTypeConfiguration<AppointmentMoveRecord>
{
    public void Configure(EntityTypeBuilder<AppointmentMoveRecord> move)
    {
        move.ToTable("appointment_moves");
        move.HasKey(m => new { m.ClosureId, m.AppointmentId });
        move.Property(m => m.FromPort).HasMaxLength(4);
        move.Property(m => m.FromSlot).HasMaxLength(5);
        move.Property(m => m.ToPort).HasMaxLength(4);
        move.Property(m => m.ToSlot).HasMaxLength(5);
        move.Property(m => m.Rule).HasConversion<string>().HasMaxLength(16);
        move.HasIndex(m => m.AppointmentId);
        move.HasOne<ClosureRecord>().WithMany().HasForeignKey(m => m.ClosureId);
        move.HasOne<AppointmentRecord>().WithMany().HasForeignKey(m => m.AppointmentId);
    }
}
