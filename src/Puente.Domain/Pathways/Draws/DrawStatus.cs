namespace Puente.Domain.Pathways.Draws;

/// <summary>Where a service date's draw stands. Transitions are in <see cref="DrawDayTransitions"/>.</summary>
public enum DrawStatus
{
    /// <summary>Window open; commitment published, schedule frozen.</summary>
    Announced,

    /// <summary>Draw run; reveal, results and appointments exist.</summary>
    Drawn,
}

public enum DrawDayAction
{
    Draw,
}

/// <summary>A date is announced once (creating it) and drawn once; nothing moves it back.</summary>
public static class DrawDayTransitions
{
    public static (DrawStatus? Next, TransitionRejected<DrawStatus, DrawDayAction>? Rejected) Apply(DrawStatus from, DrawDayAction action) =>
        (from, action) switch
        {
            (DrawStatus.Announced, DrawDayAction.Draw) => (DrawStatus.Drawn, null),
            _ => (null, new(from, action)),
        };
}
