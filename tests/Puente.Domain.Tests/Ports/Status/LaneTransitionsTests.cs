using Puente.Domain.Pathways;
using Puente.Domain.Ports.Status;

namespace Puente.Domain.Tests.Ports.Status;

public sealed class LaneTransitionsTests
{
    public static TheoryData<LaneStatus, LaneAction, LaneStatus?> Moves()
    {
        var data = new TheoryData<LaneStatus, LaneAction, LaneStatus?>();
        foreach (var from in Enum.GetValues<LaneStatus>())
        {
            foreach (var action in Enum.GetValues<LaneAction>())
            {
                data.Add(from, action, (from, action) switch
                {
                    (LaneStatus.Open, LaneAction.Open) => null,
                    (LaneStatus.Closed, LaneAction.Close) => null,
                    (_, LaneAction.Open) => LaneStatus.Open,
                    (_, LaneAction.Restrict) => LaneStatus.Restricted,
                    _ => LaneStatus.Closed,
                });
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void A_lane_moves_between_any_two_different_statuses_and_a_restriction_can_change_but_opening_an_open_or_closing_a_closed_lane_is_refused(
        LaneStatus from, LaneAction action, LaneStatus? expected)
    {
        var (next, rejected) = LaneTransitions.Apply(from, action);

        Assert.Equal(expected, next);
        Assert.Equal(expected is null ? new TransitionRejected<LaneStatus, LaneAction>(from, action) : null, rejected);
    }

    [Theory]
    [InlineData(LaneStatus.Open, null, true)]
    [InlineData(LaneStatus.Open, LaneReason.Security, false)]
    [InlineData(LaneStatus.Restricted, LaneReason.ReducedLanes, true)]
    [InlineData(LaneStatus.Restricted, LaneReason.ReducedHours, true)]
    [InlineData(LaneStatus.Restricted, LaneReason.StaffRedeployed, false)]
    [InlineData(LaneStatus.Restricted, null, false)]
    [InlineData(LaneStatus.Closed, LaneReason.StaffRedeployed, true)]
    [InlineData(LaneStatus.Closed, LaneReason.ReducedHours, false)]
    [InlineData(LaneStatus.Closed, null, false)]
    public void Open_lanes_have_no_reason_restricted_ones_a_reduction_and_closed_ones_any_other(LaneStatus status, LaneReason? reason, bool fits) =>
        Assert.Equal(fits, LaneTransitions.ReasonFits(status, reason));
}
