using Puente.Domain.Audit;

namespace Puente.Domain.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 15, 0, 0, TimeSpan.Zero);

    private static List<AuditEntry> Chain(int length)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= length; i++)
        {
            var at = Start.AddMinutes(i);
            var hash = AuditChain.HashOf(i, at, "caseworker@puente.test", "case.assigned", "protection-case", $"case-{i}", "{\"status\":\"New\"}", "{\"status\":\"Assigned\"}", previous);
            entries.Add(new AuditEntry(i, at, "caseworker@puente.test", "case.assigned", "protection-case", $"case-{i}", "{\"status\":\"New\"}", "{\"status\":\"Assigned\"}", previous, hash));
            previous = hash;
        }
        return entries;
    }

    [Fact]
    public void An_untouched_chain_has_no_break()
    {
        Assert.Null(AuditChain.FirstBreak(Chain(5)));
    }

    [Fact]
    public void An_edited_field_breaks_the_chain_at_that_entry()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { After = "{\"status\":\"Closed\"}" };

        Assert.Equal(new ChainBreak(3, ChainFault.HashMismatch), AuditChain.FirstBreak(chain));
    }

    [Fact]
    public void An_edited_entry_whose_hash_was_recomputed_breaks_the_link_of_the_next()
    {
        var chain = Chain(5);
        var edited = chain[2] with { Actor = "someone.else@puente.test" };
        chain[2] = edited with { Hash = AuditChain.HashOf(edited) };

        Assert.Equal(new ChainBreak(4, ChainFault.LinkBroken), AuditChain.FirstBreak(chain));
    }

    [Fact]
    public void A_deleted_entry_is_named_as_missing()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        Assert.Equal(new ChainBreak(2, ChainFault.Missing), AuditChain.FirstBreak(chain));
    }

    [Fact]
    public void Null_and_empty_fields_hash_differently_and_so_do_shifted_boundaries()
    {
        var previous = AuditChain.Genesis;
        Assert.NotEqual(
            AuditChain.HashOf(1, Start, "a", "b", "c", "d", null, "x", previous),
            AuditChain.HashOf(1, Start, "a", "b", "c", "d", "", "x", previous));
        Assert.NotEqual(
            AuditChain.HashOf(1, Start, "ab", "c", "e", "f", null, null, previous),
            AuditChain.HashOf(1, Start, "a", "bc", "e", "f", null, null, previous));
    }

    [Fact]
    public void Instants_are_hashed_to_the_millisecond_so_a_database_that_drops_ticks_still_verifies()
    {
        var precise = Start.AddTicks(12_345);
        Assert.Equal(
            AuditChain.HashOf(1, precise, "a", "b", "c", "d", null, null, AuditChain.Genesis),
            AuditChain.HashOf(1, AuditChain.Truncate(precise), "a", "b", "c", "d", null, null, AuditChain.Genesis));
    }
}
