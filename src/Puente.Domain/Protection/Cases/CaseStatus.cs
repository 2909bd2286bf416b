using Puente.Domain.Pathways;

namespace Puente.Domain.Protection.Cases;

/// <summary>Where a protection case stands. Transitions are in <see cref="CaseTransitions"/>.</summary>
public enum CaseStatus
{
    New,
    Assigned,
    InProgress,

    /// <summary>On a third party: a court, a detention centre, a hospital, a family in Mexico.</summary>
    Waiting,
    Resolved,
    Closed,
}

public enum CaseAction
{
    Assign,
    Start,
    Wait,
    Resume,
    Resolve,
    Close,
    Reopen,

    /// <summary>A supervisor hands the case to another consulate: it starts there unassigned.</summary>
    Transfer,
}

public static class CaseTransitions
{
    /// <summary>The status after <paramref name="action"/>, or why it is not allowed.</summary>
    public static (CaseStatus? Next, TransitionRejected<CaseStatus, CaseAction>? Rejected) Apply(CaseStatus from, CaseAction action) =>
        (from, action) switch
        {
            (CaseStatus.New, CaseAction.Assign) => (CaseStatus.Assigned, null),
            // A supervisor's reassignment keeps where the work stands.
            (CaseStatus.Assigned or CaseStatus.InProgress or CaseStatus.Waiting, CaseAction.Assign) => (from, null),
            (CaseStatus.Assigned, CaseAction.Start) => (CaseStatus.InProgress, null),
            (CaseStatus.InProgress, CaseAction.Wait) => (CaseStatus.Waiting, null),
            (CaseStatus.Waiting, CaseAction.Resume) => (CaseStatus.InProgress, null),
            (CaseStatus.InProgress or CaseStatus.Waiting, CaseAction.Resolve) => (CaseStatus.Resolved, null),
            (CaseStatus.Resolved, CaseAction.Close) => (CaseStatus.Closed, null),
            (CaseStatus.Resolved or CaseStatus.Closed, CaseAction.Reopen) => (CaseStatus.InProgress, null),
            (CaseStatus.New or CaseStatus.Assigned or CaseStatus.InProgress or CaseStatus.Waiting, CaseAction.Transfer) => (CaseStatus.New, null),
            _ => (null, new(from, action)),
        };

    /// <summary>Reopening and transferring must say why; the reason goes to the audit log with the change.</summary>
    public static bool NeedsReason(CaseAction action) => action is CaseAction.Reopen or CaseAction.Transfer;

    /// <summary>Whether the person has been reached: the first-contact deadline stops counting.</summary>
    public static bool IsFirstContact(CaseAction action) => action == CaseAction.Start;

    public static bool IsOpen(CaseStatus status) => status is not (CaseStatus.Resolved or CaseStatus.Closed);
}
