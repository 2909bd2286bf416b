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

public static class AppointmentTransitions
{
    /// <summary>The status after <paramref name="action"/>, or why it is not allowed.</summary>
    public static (AppointmentStatus? Next, TransitionRejected<AppointmentStatus, AppointmentAction>? Rejected) Apply(AppointmentStatus from, AppointmentAction action) =>
        (from, action) switch
        {
            (AppointmentStatus.Booked, AppointmentAction.CheckIn) => (AppointmentStatus.CheckedIn, null),
            (AppointmentStatus.Booked, AppointmentAction.Cancel) => (AppointmentStatus.Cancelled, null),
            (AppointmentStatus.Booked, AppointmentAction.MarkNoShow) => (AppointmentStatus.NoShow, null),
            _ => (null, new(from, action)),
        };
}
