namespace Puente.Domain.Pathways.Requests;

/// <summary>Where a request stands. Transitions are in <see cref="RequestTransitions"/>.</summary>
public enum RequestStatus
{
    /// <summary>In the coming draw.</summary>
    Entered,

    /// <summary>Taken out by the applicant while the window was open.</summary>
    Withdrawn,

    /// <summary>The draw gave it an appointment.</summary>
    Selected,

    /// <summary>The draw ran without selecting it.</summary>
    NotSelected,
}

public enum RequestAction
{
    Withdraw,
    Select,
    NotSelect,
}

/// <summary>Only an entered request changes: the applicant withdraws it, or the draw decides it.</summary>
public static class RequestTransitions
{
    public static (RequestStatus? Next, TransitionRejected<RequestStatus, RequestAction>? Rejected) Apply(RequestStatus from, RequestAction action) =>
        (from, action) switch
        {
            (RequestStatus.Entered, RequestAction.Withdraw) => (RequestStatus.Withdrawn, null),
            (RequestStatus.Entered, RequestAction.Select) => (RequestStatus.Selected, null),
            (RequestStatus.Entered, RequestAction.NotSelect) => (RequestStatus.NotSelected, null),
            _ => (null, new(from, action)),
        };

    /// <summary>The status after a change the caller knows to be legal, for set-based updates that
    /// name the status they start from in their filter.</summary>
    public static RequestStatus Next(RequestStatus from, RequestAction action) =>
        Apply(from, action).Next ?? throw new InvalidOperationException($"A request cannot {action} from {from}.");
}
