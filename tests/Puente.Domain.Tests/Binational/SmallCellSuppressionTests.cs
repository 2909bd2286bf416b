using Puente.Domain.Binational;
using Puente.Tests;

namespace Puente.Domain.Tests.Binational;

public sealed class SmallCellSuppressionTests
{
    [Fact]
    public void A_row_with_exactly_one_small_count_withholds_a_second_count_in_that_row()
    {
        int[,] counts =
        {
            { 12, 3, 9, 20 },
            { 15, 11, 8, 30 },
            { 7, 25, 6, 14 },
        };

        var hidden = SmallCellSuppression.Suppress(counts);

        Assert.True(hidden[0, 1]);
        Assert.True(Enumerable.Range(0, 5).Count(c => hidden[0, c]) >= 2);
        Assert.Empty(TableAttack.Recoverable(hidden));
    }

    [Fact]
    public void Publishing_only_the_small_count_withheld_would_give_it_away()
    {
        int[,] counts = { { 12, 3, 9 }, { 15, 11, 8 } };
        var primaryOnly = new bool[3, 4];
        primaryOnly[0, 1] = true;

        Assert.Equal([(0, 1)], TableAttack.Recoverable(primaryOnly));
    }

    [Fact]
    public void A_row_whose_only_count_is_small_withholds_its_total_too()
    {
        int[,] counts = { { 0, 2, 0 }, { 10, 9, 12 }, { 8, 7, 6 } };

        var hidden = SmallCellSuppression.Suppress(counts);

        Assert.True(hidden[0, 1]);
        Assert.True(hidden[0, 3]);
        Assert.Empty(TableAttack.Recoverable(hidden));
    }

    [Fact]
    public void A_withheld_count_that_would_be_pinned_by_its_row_and_column_is_put_on_a_cycle()
    {
        // Two blocks of small counts, each closed on itself, joined only through row 2 and column 2.
        int[,] counts =
        {
            { 2, 3, 40, 50, 60 },
            { 4, 1, 45, 55, 65 },
            { 30, 35, 2, 70, 80 },
            { 90, 95, 100, 3, 4 },
            { 85, 75, 65, 1, 2 },
        };

        var hidden = SmallCellSuppression.Suppress(counts);

        Assert.Empty(TableAttack.Recoverable(hidden));
    }

    [Fact]
    public void A_table_without_small_counts_withholds_nothing()
    {
        int[,] counts = { { 5, 0, 9 }, { 15, 11, 0 } };

        var hidden = SmallCellSuppression.Suppress(counts);

        Assert.DoesNotContain(true, hidden.Cast<bool>());
    }

    [Fact]
    public void Random_tables_never_publish_a_small_count_and_never_let_one_be_recovered()
    {
        var random = new Random(20261129);
        for (var run = 0; run < 300; run++)
        {
            var counts = new int[random.Next(1, 7), random.Next(1, 7)];
            for (var r = 0; r < counts.GetLength(0); r++)
            {
                for (var c = 0; c < counts.GetLength(1); c++)
                {
                    counts[r, c] = random.Next(100) switch { < 20 => 0, < 55 => random.Next(1, 5), _ => random.Next(5, 60) };
                }
            }

            var hidden = SmallCellSuppression.Suppress(counts);
            var table = SmallCellSuppression.WithTotals(counts);

            for (var r = 0; r < table.GetLength(0); r++)
            {
                for (var c = 0; c < table.GetLength(1); c++)
                {
                    Assert.False(table[r, c] is > 0 and < 5 && !hidden[r, c], $"run {run}: ({r},{c}) = {table[r, c]} published");
                }
            }
            Assert.Empty(TableAttack.Recoverable(hidden));
        }
    }

    [Fact]
    public void A_lone_small_part_of_a_published_total_withholds_the_smallest_part_beside_it()
    {
        var hidden = SmallCellSuppression.SuppressBreakdown([3, 9, 6, 0], totalWithheld: false);

        Assert.Equal([true, false, true, false], hidden);
    }

    [Fact]
    public void A_withheld_total_withholds_one_part_even_when_every_part_is_large()
    {
        var hidden = SmallCellSuppression.SuppressBreakdown([7, 0, 12], totalWithheld: true);

        Assert.Equal([true, false, false], hidden);
    }

    [Fact]
    public void Random_margins_and_a_second_breakdown_of_the_same_total_never_let_a_withheld_count_be_recovered()
    {
        var random = new Random(20261130);
        for (var run = 0; run < 300; run++)
        {
            var counts = new int[random.Next(1, 6), random.Next(1, 7)];
            var total = 0;
            for (var r = 0; r < counts.GetLength(0); r++)
            {
                for (var c = 0; c < counts.GetLength(1); c++)
                {
                    counts[r, c] = random.Next(100) switch { < 25 => 0, < 60 => random.Next(1, 5), _ => random.Next(5, 40) };
                    total += counts[r, c];
                }
            }
            // The same cases split another way (as by urgency): three parts adding up to the total.
            var first = random.Next(total + 1);
            var second = random.Next(total - first + 1);
            int[] parts = [first, second, total - first - second];

            var hidden = SmallCellSuppression.Suppress(counts);
            var (rows, columns) = (counts.GetLength(0), counts.GetLength(1));
            var totalHidden = hidden[rows, columns];
            var partsHidden = SmallCellSuppression.SuppressBreakdown(parts, totalHidden);

            // Published: only the margins of the table (as the dashboard shows them) and the parts.
            bool[][] groups =
            [
                [.. Enumerable.Range(0, rows).Select(r => hidden[r, columns])],
                [.. Enumerable.Range(0, columns).Select(c => hidden[rows, c])],
                partsHidden,
            ];
            Assert.Empty(TableAttack.RecoverableFromSums(groups, totalHidden));
            Assert.All(parts.Where((p, k) => !partsHidden[k]), p => Assert.False(p is > 0 and < 5, $"run {run}: part {p} published"));
        }
    }
}
