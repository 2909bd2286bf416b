using Puente.Domain.Pathways.Registration;
using Puente.Domain.Pathways.Requests;

namespace Puente.Domain.Pathways.Appointments;

/// <summary>Where an appointment stands. Transitions are in <see cref="AppointmentTransitions"/>.</summary>
public enum AppointmentStatus
{
    Booked,
    CheckedIn,
    Cancelled,
    NoShow,
}

public enum AppointmentAction
{
    CheckIn,
    Cancel,
    MarkNoShow,
}

/// <summary>The one kind of rejection for every illegal transition.</summary>
public sealed record TransitionRejected(AppointmentStatus From, AppointmentAction Action, string Reason);

public static class AppointmentTransitions
{
    /// <summary>The status after <paramref name="action"/>, or why it is not allowed.</summary>
    public static (AppointmentStatus? Next, TransitionRejected? Rejected) Apply(AppointmentStatus from, AppointmentAction action) =>
        (from, action) switch
        {
            (AppointmentStatus.Booked, AppointmentAction.CheckIn) => (AppointmentStatus.CheckedIn, null),
            (AppointmentStatus.Booked, AppointmentAction.Cancel) => (AppointmentStatus.Cancelled, null),
            (AppointmentStatus.Booked, AppointmentAction.MarkNoShow) => (AppointmentStatus.NoShow, null),
            (AppointmentStatus.CheckedIn, _) => (null, new(from, action, "The pass was already used for check-in.")),
            (AppointmentStatus.Cancelled, _) => (null, new(from, action, "The appointment was cancelled.")),
            (AppointmentStatus.NoShow, _) => (null, new(from, action, "The appointment was marked as a no-show.")),
            _ => (null, new(from, action, "This change is not allowed.")),
        };
}
