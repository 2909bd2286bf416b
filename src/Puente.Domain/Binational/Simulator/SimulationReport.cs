namespace Puente.Domain.Binational.Simulator;

/// <summary>
/// Waiting until selection for one cohort under one policy. Days are counted from the first request to the
/// draw that selected it (0: selected the first time). A request never selected in the run counts as
/// waiting forever, so a median or 90th percentile it reaches is null.
/// </summary>
public sealed record CohortWait(int Selected, int? MedianDays, int? P90Days, double SelectedWithin30Days);

/// <summary>A cohort: requests first made by people registered in the same month, of one group size, preferring one port.</summary>
public sealed record CohortComparison(
    string RegistrationMonth, int GroupSize, string PreferredPort, int Requests, CohortWait Baseline, CohortWait Scenario);

/// <summary>What one policy did over the whole run; <paramref name="Waits"/> is every request's wait, as one cohort.</summary>
public sealed record PolicyTotals(int Draws, long Entries, int Selected, int SelectedPersons, int PlacesOffered, CohortWait Waits);

/// <summary>The simulator's answer, sorted by cohort; equal inputs give an equal report.</summary>
public sealed record SimulationReport(
    DateOnly Start, int Days, int Seed, int Requests, PolicyTotals Baseline, PolicyTotals Scenario, IReadOnlyList<CohortComparison> Cohorts);
