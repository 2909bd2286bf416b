using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Registration;
using Puente.Domain.Pathways.Requests;

using Puente.Web.Pathways;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Appointments;

/// <summary>A selected entry: a group's appointment at one port, date and slot.</summary>
internal sealed class AppointmentRecord
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public required string ApplicantUserId { get; set; }
    public required string Ticket { get; set; }
    public DateOnly ServiceDate { get; set; }
    public required string PortCode { get; set; }

    /// <summary>Slot start in the port's local time, <c>HH:MM</c>.</summary>
    public required string SlotStart { get; set; }

    /// <summary>The same instant in UTC, computed with the port's IANA zone.</summary>
    public DateTimeOffset SlotStartsAt { get; set; }

    public int Phase { get; set; }
    public int GroupSize { get; set; }
    public AppointmentStatus Status { get; set; }

    public DateTimeOffset? CheckedInAt { get; set; }
    public string? CheckedInBy { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
}

internal sealed class AppointmentRecordConfiguration : IEntityTypeConfiguration<AppointmentRecord>
{
    public void Configure(EntityTypeBuilder<AppointmentRecord> appointment)
    {
        appointment.ToTable("appointments");
        appointment.HasKey(a => a.Id);
        appointment.Property(a => a.Ticket).HasMaxLength(64);
        appointment.Property(a => a.PortCode).HasMaxLength(4);
        appointment.Property(a => a.SlotStart).HasMaxLength(5);
        appointment.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        appointment.HasIndex(a => a.RequestId).IsUnique();
        appointment.HasIndex(a => new { a.PortCode, a.ServiceDate });
        appointment.HasIndex(a => a.ApplicantUserId);
        appointment.HasOne<AppointmentRequestRecord>().WithMany().HasForeignKey(a => a.RequestId);
        appointment.HasOne<Ports.PortRecord>().WithMany().HasForeignKey(a => a.PortCode);
    }
}
