using Puente.Domain.Pathways.Requests;

namespace Puente.Domain.Tests.Pathways.Requests;

public sealed class TicketCodeTests
{
    [Fact]
    public void A_new_ticket_has_no_look_alike_characters_and_no_lower_case()
    {
        var tickets = Enumerable.Range(0, 500).Select(_ => TicketCode.New()).ToList();

        Assert.All(tickets, t =>
        {
            Assert.Equal(TicketCode.Length, t.Length);
            Assert.DoesNotContain(t, c => "0O1ILil".Contains(c));
            Assert.Equal(t, t.ToUpperInvariant());
        });
        Assert.Equal(tickets.Count, tickets.Distinct().Count());
    }

    [Fact]
    public void A_ticket_is_shown_in_groups_of_four_and_found_whatever_the_case_and_separators_typed()
    {
        Assert.Equal("K7Q2-M9XW-3T4P", TicketCode.Display("K7Q2M9XW3T4P"));
        Assert.Equal("K7Q2M9XW3T4P", TicketCode.Normalize(" k7q2-m9xw 3t4p "));
        Assert.Equal("K7Q2M9XW3T4P", TicketCode.Normalize(TicketCode.Display("K7Q2M9XW3T4P")));
        // An older mixed-case ticket: still found by its capitals, as the lookup compares upper(ticket).
        Assert.Equal("23axu9mspbjx".ToUpperInvariant(), TicketCode.Normalize("23AX-U9MS-PBJX"));
    }
}
