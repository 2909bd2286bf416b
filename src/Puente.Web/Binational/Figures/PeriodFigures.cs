using Puente.Domain.Ports;
using Puente.Domain.Ports.Flows;
using Puente.Domain.Protection.Cases;

namespace Puente.Web.Binational.Figures;

/// <summary>
/// Everything the binational view says about one period (and optionally one port), computed once: the
/// dashboard, the briefing page and its PDF all render this value, so they cannot disagree. Every section
/// names its source (<see cref="FigureSources"/>) and the instant it was computed. The protection section and the
/// policy scenarios are the analysts' only (null in the public version).
/// </summary>
internal sealed record PeriodFigures(
    DateOnly From,
    DateOnly To,
    string? Port,
    DateTimeOffset AsOf,
    PathwayFigures Pathways,
    CrossingFigures Crossings,
    WaitFigures Waits,
    FlowFigures Flows,
    EncounterFigures Encounters,
    ProtectionFigures? Protection,
    ScenarioFigures? Scenarios);

/// <summary>Where a section's numbers come from; the text for people is the resource <c>Binational_Source_{code}</c>.</summary>
internal static class FigureSources
{
    public const string Pathways = "puente-pathways";
    public const string Ports = "puente-ports";
    public const string WaitTimes = "cbp-wait-times";
    public const string Bts = "bts-border-crossings";
    public const string Encounters = "cbp-encounters";

    /// <summary>The demo's made-up counts in BTS's format, shown until BTS's file is imported: never labelled BTS's.</summary>
    public const string BtsDemo = "demo-bts-fixture";

    /// <summary>The demo's sample of encounters in CBP's format, shown when CBP's file is not loaded: never labelled CBP's.</summary>
    public const string EncountersSample = "demo-encounters-sample";
    public const string Protection = "puente-protection";
    public const string Simulator = "puente-policy-simulator";
}

/// <summary>Requests and appointments whose service date is in the period.</summary>
/// <param name="MedianDaysToSelection">Days from the applicant's registration to the draw that selected them, median over selected requests.</param>
internal sealed record PathwayFigures(
    string Source,
    DateTimeOffset AsOf,
    int Requests,
    int Persons,
    int PlacesOffered,
    int SelectedGroups,
    int SelectedPersons,
    int CheckedInPersons,
    int NoShowPersons,
    double? MedianDaysToSelection,
    IReadOnlyList<PathwayMonth> Months);

internal sealed record PathwayMonth(string Month, int SelectedPersons, int CheckedInPersons);

internal sealed record CrossingFigures(
    string Source,
    DateTimeOffset AsOf,
    IReadOnlyList<PortLanesNow> StatusNow,
    IReadOnlyList<ClosureFigure> Closures,
    decimal EstimatedCostUsd);

/// <summary>How many of a port's lanes are open, restricted and closed now.</summary>
internal sealed record PortLanesNow(string Port, string Name, int Open, int Restricted, int Closed);

/// <summary>A closure whose closed dates overlap the period; the value at stake is for the days inside the period.</summary>
/// <param name="ValuePerDayUsd">Null when BTS has no counts for the port in the twelve months before the closure.</param>
internal sealed record ClosureFigure(
    Guid Id,
    string Port,
    string PortName,
    string Crossing,
    LaneType Lane,
    DateOnly FirstDate,
    DateOnly LastClosedDate,
    DateOnly? ReopenedOn,
    int DaysInPeriod,
    decimal? ValuePerDayUsd,
    decimal? ValueInPeriodUsd);

internal sealed record WaitFigures(string Source, DateTimeOffset AsOf, IReadOnlyList<WaitSummary> Lanes);

internal sealed record WaitSummary(LaneType Lane, int Readings, double? MedianMinutes, int? MaxMinutes);

/// <summary>BTS inbound counts per measure over the period's months, against the same months a year earlier.</summary>
internal sealed record FlowFigures(string Source, DateTimeOffset AsOf, string FromMonth, string ToMonth, IReadOnlyList<FlowChange> Measures);

/// <param name="MonthsInConflict">Months left out of both sums because BTS gave them two values.</param>
internal sealed record FlowChange(BtsMeasure Measure, long? Period, long? YearEarlier, double? ChangePercent, int MonthsInConflict);

internal sealed record EncounterFigures(string Source, DateTimeOffset AsOf, IReadOnlyList<EncounterMonth> Months, long? Total);

/// <summary>A month's encounters; null totals when a cell of the month has two values (ADR 0013).</summary>
internal sealed record EncounterMonth(string Month, long? FieldOperations, long? BorderPatrol, long? Total);

/// <summary>Cases opened in the period. A count from 1 to 4 is withheld (null, suppressed), as in the protection statistics.</summary>
internal sealed record ProtectionFigures(
    string Source,
    DateTimeOffset AsOf,
    int SuppressedBelow,
    ProtectionCell Total,
    IReadOnlyList<ProtectionCell> ByConsulate,
    IReadOnlyList<ProtectionCell> ByCategory,
    IReadOnlyList<ProtectionCell> ByUrgency,
    ProtectionShare Overdue);

internal sealed record ProtectionCell(string Key, int? Count, bool Suppressed);

/// <summary>The share of the period's cases still open with the first-contact deadline passed.</summary>
internal sealed record ProtectionShare(double? Percent, bool Suppressed);

internal static class ProtectionKeys
{
    public static string Of(CaseCategory category) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(category.ToString());

    public static string Of(CaseUrgency urgency) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(urgency.ToString());
}

/// <summary>
/// The briefing's policy scenarios for the period as <c>ComputeScenarios</c> stored them, the baseline first;
/// <see cref="AsOf"/> is when they were computed. Not yet computed: no scenarios, the other fields null.
/// </summary>
internal sealed record ScenarioFigures(
    string Source,
    DateTimeOffset AsOf,
    bool Computed,
    string? SimulatorVersion,
    int? Seed,
    DateOnly? Start,
    int? Days,
    string? Demand,
    double? MeanDailyArrivals,
    double? ReentryShare,
    IReadOnlyList<ScenarioFigure> Scenarios);

/// <summary>One scenario's waits over every simulated request: days from the first request to selection.</summary>
internal sealed record ScenarioFigure(
    string Scenario, int PlacesPerDay, int PriorityPercent, int Requests, int? MedianDays, int? P90Days, double SelectedWithin30Days);
