using Puente.Domain.Pathways;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Draws;
using Puente.Domain.Pathways.Requests;

namespace Puente.Domain.Tests.Pathways;

/// <summary>Every status against every action: the legal moves are exactly the listed ones, and every
/// other move is refused with the status it was tried from.</summary>
public sealed class TransitionsTests
{
    public static TheoryData<RequestStatus, RequestAction, RequestStatus?> RequestMoves() =>
        EveryMove<RequestStatus, RequestAction>((from, action) => (from, action) switch
        {
            (RequestStatus.Entered, RequestAction.Withdraw) => RequestStatus.Withdrawn,
            (RequestStatus.Entered, RequestAction.Select) => RequestStatus.Selected,
            (RequestStatus.Entered, RequestAction.NotSelect) => RequestStatus.NotSelected,
            _ => null,
        });

    [Theory]
    [MemberData(nameof(RequestMoves))]
    public void A_request_moves_only_from_entered(RequestStatus from, RequestAction action, RequestStatus? expected)
    {
        var (next, rejected) = RequestTransitions.Apply(from, action);

        Assert.Equal(expected, next);
        Assert.Equal(expected is null ? new TransitionRejected<RequestStatus, RequestAction>(from, action) : null, rejected);
    }

    [Fact]
    public void Withdrawing_a_withdrawn_request_is_refused_not_answered_withdrawn()
    {
        var (next, rejected) = RequestTransitions.Apply(RequestStatus.Withdrawn, RequestAction.Withdraw);

        Assert.Null(next);
        Assert.Equal(RequestStatus.Withdrawn, rejected!.From);
        Assert.Throws<InvalidOperationException>(() => RequestTransitions.Next(RequestStatus.Withdrawn, RequestAction.Withdraw));
    }

    [Theory]
    [InlineData(DrawStatus.Announced, DrawStatus.Drawn)]
    [InlineData(DrawStatus.Drawn, null)]
    public void A_date_is_drawn_once(DrawStatus from, DrawStatus? expected)
    {
        var (next, rejected) = DrawDayTransitions.Apply(from, DrawDayAction.Draw);

        Assert.Equal(expected, next);
        Assert.Equal(expected is null, rejected is not null);
    }

    public static TheoryData<AppointmentStatus, AppointmentAction, AppointmentStatus?> AppointmentMoves() =>
        EveryMove<AppointmentStatus, AppointmentAction>((from, action) => (from, action) switch
        {
            (AppointmentStatus.Booked, AppointmentAction.CheckIn) => AppointmentStatus.CheckedIn,
            (AppointmentStatus.Booked, AppointmentAction.Cancel) => AppointmentStatus.Cancelled,
            (AppointmentStatus.Booked, AppointmentAction.MarkNoShow) => AppointmentStatus.NoShow,
            _ => null,
        });

    [Theory]
    [MemberData(nameof(AppointmentMoves))]
    public void An_appointment_moves_only_from_booked(AppointmentStatus from, AppointmentAction action, AppointmentStatus? expected)
    {
        var (next, rejected) = AppointmentTransitions.Apply(from, action);

        Assert.Equal(expected, next);
        Assert.Equal(expected is null ? new TransitionRejected<AppointmentStatus, AppointmentAction>(from, action) : null, rejected);
    }

    /// <summary>Every status paired with every action, with the expected next status (null: refused).</summary>
    private static TheoryData<TStatus, TAction, TStatus?> EveryMove<TStatus, TAction>(Func<TStatus, TAction, TStatus?> expected)
        where TStatus : struct, Enum
        where TAction : struct, Enum
    {
        var data = new TheoryData<TStatus, TAction, TStatus?>();
        foreach (var from in Enum.GetValues<TStatus>())
        {
            foreach (var action in Enum.GetValues<TAction>())
            {
                data.Add(from, action, expected(from, action));
            }
        }
        return data;
    }
}
