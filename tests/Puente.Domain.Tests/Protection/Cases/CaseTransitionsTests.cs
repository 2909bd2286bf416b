using Puente.Domain.Pathways;
using Puente.Domain.Protection.Cases;

namespace Puente.Domain.Tests.Protection.Cases;

public sealed class CaseTransitionsTests
{
    public static TheoryData<CaseStatus, CaseAction, CaseStatus> Allowed => new()
    {
        { CaseStatus.New, CaseAction.Assign, CaseStatus.Assigned },
        { CaseStatus.Assigned, CaseAction.Assign, CaseStatus.Assigned },
        { CaseStatus.InProgress, CaseAction.Assign, CaseStatus.InProgress },
        { CaseStatus.Waiting, CaseAction.Assign, CaseStatus.Waiting },
        { CaseStatus.Assigned, CaseAction.Start, CaseStatus.InProgress },
        { CaseStatus.InProgress, CaseAction.Wait, CaseStatus.Waiting },
        { CaseStatus.Waiting, CaseAction.Resume, CaseStatus.InProgress },
        { CaseStatus.InProgress, CaseAction.Resolve, CaseStatus.Resolved },
        { CaseStatus.Waiting, CaseAction.Resolve, CaseStatus.Resolved },
        { CaseStatus.Resolved, CaseAction.Close, CaseStatus.Closed },
        { CaseStatus.Resolved, CaseAction.Reopen, CaseStatus.InProgress },
        { CaseStatus.Closed, CaseAction.Reopen, CaseStatus.InProgress },
        { CaseStatus.New, CaseAction.Transfer, CaseStatus.New },
        { CaseStatus.Assigned, CaseAction.Transfer, CaseStatus.New },
        { CaseStatus.InProgress, CaseAction.Transfer, CaseStatus.New },
        { CaseStatus.Waiting, CaseAction.Transfer, CaseStatus.New },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void An_allowed_move_gives_the_next_status(CaseStatus from, CaseAction action, CaseStatus next)
    {
        Assert.Equal((next, null), CaseTransitions.Apply(from, action));
    }

    [Fact]
    public void Every_other_move_is_refused_with_the_same_rejection_naming_where_and_what()
    {
        var allowed = Allowed.Select(row => (row.Data.Item1, row.Data.Item2)).ToHashSet();
        foreach (var from in Enum.GetValues<CaseStatus>())
        {
            foreach (var action in Enum.GetValues<CaseAction>().Where(a => !allowed.Contains((from, a))))
            {
                Assert.Equal((null, new TransitionRejected<CaseStatus, CaseAction>(from, action)), CaseTransitions.Apply(from, action));
            }
        }
    }

    [Fact]
    public void A_closed_case_cannot_be_started_resolved_or_closed_again()
    {
        Assert.NotNull(CaseTransitions.Apply(CaseStatus.Closed, CaseAction.Start).Rejected);
        Assert.NotNull(CaseTransitions.Apply(CaseStatus.Closed, CaseAction.Resolve).Rejected);
        Assert.NotNull(CaseTransitions.Apply(CaseStatus.Closed, CaseAction.Close).Rejected);
    }

    [Fact]
    public void A_critical_case_is_due_for_first_contact_within_four_hours_and_overdue_only_while_open_and_unreached()
    {
        var opened = new DateTimeOffset(2026, 11, 29, 15, 0, 0, TimeSpan.Zero);
        var due = CaseDeadlines.Default.FirstContactDue(CaseUrgency.Critical, opened);

        Assert.Equal(opened.AddHours(4), due);
        Assert.Equal(opened.AddHours(72), CaseDeadlines.Default.FirstContactDue(CaseUrgency.Normal, opened));
        Assert.False(CaseDeadlines.IsOverdue(CaseStatus.New, due, null, due));
        Assert.True(CaseDeadlines.IsOverdue(CaseStatus.New, due, null, due.AddMinutes(1)));
        Assert.False(CaseDeadlines.IsOverdue(CaseStatus.InProgress, due, opened.AddHours(1), due.AddMinutes(1)));
        Assert.False(CaseDeadlines.IsOverdue(CaseStatus.Closed, due, null, due.AddMinutes(1)));
    }
}
