using Puente.Domain.Pathways;

namespace Puente.Domain.Ports.Status;

/// <summary>Where one lane of one crossing stands. Transitions are in <see cref="LaneTransitions"/>.</summary>
public enum LaneStatus
{
    Open,
    Restricted,
    Closed,
}

/// <summary>What an officer does to a lane.</summary>
public enum LaneAction
{
    Open,
    Restrict,
    Close,
}

/// <summary>Why a lane is restricted (the first two) or closed (the others). An open lane has no reason.</summary>
public enum LaneReason
{
    ReducedLanes,
    ReducedHours,
    StaffRedeployed,
    Security,
    Maintenance,
    Weather,
    Other,
}

public static class LaneTransitions
{
    /// <summary>
    /// The status after <paramref name="action"/>, or why it is not allowed. A restricted lane may be
    /// restricted again (fewer lanes become shorter hours); opening an open lane or closing a closed one is refused.
    /// </summary>
    public static (LaneStatus? Next, TransitionRejected<LaneStatus, LaneAction>? Rejected) Apply(LaneStatus from, LaneAction action) =>
        (from, action) switch
        {
            (LaneStatus.Restricted or LaneStatus.Closed, LaneAction.Open) => (LaneStatus.Open, null),
            (LaneStatus.Open or LaneStatus.Restricted or LaneStatus.Closed, LaneAction.Restrict) => (LaneStatus.Restricted, null),
            (LaneStatus.Open or LaneStatus.Restricted, LaneAction.Close) => (LaneStatus.Closed, null),
            _ => (null, new(from, action)),
        };

    /// <summary>Whether <paramref name="reason"/> may explain <paramref name="next"/>: none for open, a reduction for restricted, any other for closed.</summary>
    public static bool ReasonFits(LaneStatus next, LaneReason? reason) => (next, reason) switch
    {
        (LaneStatus.Open, null) => true,
        (LaneStatus.Restricted, LaneReason.ReducedLanes or LaneReason.ReducedHours) => true,
        (LaneStatus.Closed, { } r) => r is not (LaneReason.ReducedLanes or LaneReason.ReducedHours),
        _ => false,
    };
}
