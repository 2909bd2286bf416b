using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Puente.Web.Binational.Scenarios;

/// <summary>
/// One of the briefing's policy scenarios, computed for a period by <see cref="ComputeScenarios"/>: what it changed,
/// what the simulator was given (seed, days, demand) and the waits it found. Keyed by the period, the simulator's
/// version, a hash of every input and the scenario, so a result is reused exactly when it would come out the same.
/// </summary>
internal sealed class ScenarioRecord
{
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public required string SimulatorVersion { get; set; }

    /// <summary>SHA-256 (hex) of the simulator's inputs for every scenario of the set, baseline included.</summary>
    public required string InputsHash { get; set; }

    public required string Scenario { get; set; }
    public int Seed { get; set; }
    public DateOnly Start { get; set; }
    public int Days { get; set; }

    /// <summary>Where the demand came from: recorded, or the default when the period recorded none.</summary>
    public required string Demand { get; set; }

    public double MeanDailyArrivals { get; set; }
    public double ReentryShare { get; set; }
    public int PlacesPerDay { get; set; }
    public int PriorityPercent { get; set; }
    public int Requests { get; set; }
    public int Selected { get; set; }
    public int? MedianDays { get; set; }
    public int? P90Days { get; set; }
    public double SelectedWithin30Days { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}

internal sealed class ScenarioRecordConfiguration : IEntityTypeConfiguration<ScenarioRecord>
{
    public void Configure(EntityTypeBuilder<ScenarioRecord> scenario)
    {
        scenario.ToTable("binational_scenarios");
        scenario.HasKey(s => new { s.PeriodFrom, s.PeriodTo, s.SimulatorVersion, s.InputsHash, s.Scenario });
        scenario.Property(s => s.SimulatorVersion).HasMaxLength(16);
        scenario.Property(s => s.InputsHash).HasMaxLength(64);
        scenario.Property(s => s.Scenario).HasMaxLength(32);
        scenario.Property(s => s.Demand).HasMaxLength(16);
    }
}
