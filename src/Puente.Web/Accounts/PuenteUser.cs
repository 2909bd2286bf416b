using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Puente.Web.Accounts;

internal sealed class PuenteUser : IdentityUser
{
    /// <summary>The consulate a caseworker works for; null for every other role.</summary>
    public string? ConsulateCode { get; set; }

    /// <summary>es, en or ht: the language messages reach this person in.</summary>
    public string PreferredLanguage { get; set; } = "es";

    public List<OfficerPort> Ports { get; set; } = [];
}

/// <summary>A port an officer is allowed to work at.</summary>
internal sealed class OfficerPort
{
    public required string UserId { get; set; }
    public required string PortCode { get; set; }
}

internal sealed class PuenteUserConfiguration : IEntityTypeConfiguration<PuenteUser>
{
    public void Configure(EntityTypeBuilder<PuenteUser> user)
    {
        user.Property(u => u.ConsulateCode).HasMaxLength(32);
        user.Property(u => u.PreferredLanguage).HasMaxLength(8);
        user.HasMany(u => u.Ports).WithOne().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OfficerPortConfiguration : IEntityTypeConfiguration<OfficerPort>
{
    public void Configure(EntityTypeBuilder<OfficerPort> officerPort)
    {
        officerPort.ToTable("officer_ports");
        officerPort.HasKey(p => new { p.UserId, p.PortCode });
        officerPort.Property(p => p.PortCode).HasMaxLength(4);
        officerPort.HasOne<Ports.PortRecord>().WithMany().HasForeignKey(p => p.PortCode);
    }
}
