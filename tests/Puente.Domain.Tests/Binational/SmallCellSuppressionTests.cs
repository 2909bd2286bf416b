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
}
