using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Ports.Flows;
using Puente.Web.Ports.Flows;

namespace Puente.Api.Tests.Ports.Flows;

public sealed class FlowsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What `puente import bts FILE` runs, through the host's services.</summary>
    internal static async Task<ImportBtsFlows.Imported> Import(PuenteApp app, string path)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var reader = ImportBtsFlows.OpenFile(path);
        return Assert.IsType<ImportBtsFlows.Imported>(await scope.ServiceProvider.GetRequiredService<ImportBtsFlows>().Handle(reader, Ct));
    }

    [Fact]
    public async Task Importing_reports_duplicates_conflicts_unknown_ports_and_unreadable_lines_and_a_second_run_adds_nothing()
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();

        var first = await Import(app, TestFiles.Fixture("Ports/bts-current.csv"));

        Assert.Equal((BtsLayout.Current, 12, 6, 0), (first.Layout, first.RowsRead, first.Added, first.AlreadyStored));
        Assert.Equal(4, Assert.Single(first.ExactDuplicates).Line);
        Assert.Equal([0L, 2175L], Assert.Single(first.Conflicts).Values);
        Assert.Equal(new Dictionary<string, int> { ["9999"] = 1 }, first.UnknownPorts);
        Assert.Equal(1, first.OtherBorderRows);
        Assert.Equal(3, first.Rejected.Count);

        var second = await Import(app, TestFiles.Fixture("Ports/bts-current.csv"));

        Assert.Equal((0, 6), (second.Added, second.AlreadyStored));
        Assert.Single(second.Conflicts);
    }

    // The file is read on another thread while the database gets ready; when the database side fails first, the
    // import still returns only once that read has let go of the caller's file.
    [Fact]
    public async Task An_import_that_fails_before_the_file_is_read_returns_only_after_the_read_has_ended()
    {
        var failing = new FailingReads();
        await using var app = new PuenteApp(demo: false, interceptors: [failing]);
        await app.MigrateAsync();
        await using var scope = app.Services.CreateAsyncScope();
        using var file = new SlowFile(await File.ReadAllTextAsync(TestFiles.Fixture("Ports/bts-current.csv"), Ct));
        failing.Armed = true;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<ImportBtsFlows>().Handle(file, Ct));

        Assert.Equal(FailingReads.Message, failure.Message);
        Assert.True(file.Ended, "the import returned while its file was still being read");
    }

    [Fact]
    public async Task The_legacy_layout_adds_only_what_is_new()
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();
        await Import(app, TestFiles.Fixture("Ports/bts-current.csv"));

        var legacy = await Import(app, TestFiles.Fixture("Ports/bts-legacy.csv"));

        Assert.Equal((BtsLayout.Legacy, 3, 2, 1), (legacy.Layout, legacy.RowsRead, legacy.Added, legacy.AlreadyStored));
        Assert.Empty(legacy.Conflicts);
    }

    [Fact]
    public async Task Monthly_flows_show_a_conflicting_month_with_both_values_and_no_single_one()
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();
        await Import(app, TestFiles.Fixture("Ports/bts-current.csv"));

        var flows = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/ports/2606/flows?measure=busPassengers&from=2021-01&to=2021-12", Ct);

        var series = Assert.Single(flows.GetProperty("measures").EnumerateArray());
        Assert.Equal("busPassengers", series.GetProperty("measure").GetString());
        var month = Assert.Single(series.GetProperty("months").EnumerateArray());
        Assert.Equal("2021-02", month.GetProperty("month").GetString());
        Assert.Equal(JsonValueKind.Null, month.GetProperty("value").ValueKind);
        Assert.Equal([0L, 2175L], month.GetProperty("conflictingValues").EnumerateArray().Select(v => v.GetInt64()));
    }

    [Fact]
    public async Task Monthly_flows_of_a_port_per_measure_in_month_order()
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();
        await Import(app, TestFiles.Fixture("Ports/bts-current.csv"));
        await Import(app, TestFiles.Fixture("Ports/bts-legacy.csv"));

        var flows = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/ports/2504/flows", Ct);

        var measures = flows.GetProperty("measures").EnumerateArray().ToDictionary(m => m.GetProperty("measure").GetString()!);
        Assert.Equal(["buses", "pedestrians"], measures.Keys.Order());
        Assert.Equal([("2021-11", 500000L), ("2021-12", 532261L)],
            measures["pedestrians"].GetProperty("months").EnumerateArray().Select(m => (m.GetProperty("month").GetString(), m.GetProperty("value").GetInt64())));
    }

    [Theory]
    [InlineData("/api/ports/2504/flows?measure=hovercraft", "measure", "flows.measure-unknown")]
    [InlineData("/api/ports/2504/flows?measure=1", "measure", "flows.measure-unknown")]
    [InlineData("/api/ports/2504/flows?from=2023-13", "from", "flows.month-invalid")]
    [InlineData("/api/ports/2504/flows?to=Dec%202023", "to", "flows.month-invalid")]
    public async Task Bad_filters_are_a_400_naming_the_field(string url, string field, string code)
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();

        var response = await app.CreateClient().GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(code, problem.GetProperty("fieldCodes").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Flows_of_an_unknown_port_are_a_404_problem()
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();

        var response = await app.CreateClient().GetAsync("/api/ports/9999/flows", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_flows_page_shows_the_chart_as_an_image_with_a_text_alternative_and_the_numbers_in_a_table()
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();
        await Import(app, TestFiles.Fixture("Ports/bts-current.csv"));
        await Import(app, TestFiles.Fixture("Ports/bts-legacy.csv"));
        var client = app.CreateClient();

        var html = await client.GetStringAsync("/Ports/2504/Flows?measure=pedestrians&lang=en", Ct);

        Assert.Contains("Line chart: Pedestrians per month at San Ysidro, from 2019-01 to 2021-12.", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">2021-11</th>", html, StringComparison.Ordinal);
        Assert.Contains("500,000", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        var chart = await client.GetAsync("/Ports/2504/Flows?handler=Chart&measure=pedestrians&from=2019-01&to=2021-12", Ct);
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await chart.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_bts_file_imports_in_full_with_its_six_duplicates_and_the_sasabe_conflict_then_adds_nothing_again()
    {
        var path = TestFiles.RealData("bts_border_crossing_entry_data_us_mexico_1996-2025.csv");
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var first = await Import(app, path);
        var firstTime = watch.Elapsed;
        watch.Restart();
        var second = await Import(app, path);
        TestContext.Current.TestOutputHelper?.WriteLine($"{app.Database.Provider}: first import {firstTime.TotalSeconds:0.0} s, second {watch.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal((94_234, 94_228, 6), (first.RowsRead, first.Added, first.ExactDuplicates.Count));
        Assert.Empty(first.UnknownPorts);
        Assert.Empty(first.Rejected);
        var conflict = Assert.Single(first.Conflicts);
        Assert.Equal(new BtsKey("2606", new DateOnly(2021, 2, 1), BtsMeasure.BusPassengers), conflict.Key);
        Assert.Equal([0L, 2175L], conflict.Values);
        Assert.Equal((0, 94_228), (second.Added, second.AlreadyStored));

        var legacy = await Import(app, TestFiles.RealData("bts_border_crossing_legacy7col_us_mexico_awtotty.csv"));
        Assert.Equal((BtsLayout.Legacy, 3_285), (legacy.Layout, legacy.RowsRead));
        Assert.Empty(legacy.Rejected);
    }

    /// <summary>Once armed, every query fails as a lost database would.</summary>
    private sealed class FailingReads : DbCommandInterceptor
    {
        public const string Message = "The database went away.";

        public volatile bool Armed;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Armed ? throw new InvalidOperationException(Message) : ValueTask.FromResult(result);
    }

    /// <summary>A file on a slow disk: its first read takes half a second; it knows when it has been read to the end.</summary>
    private sealed class SlowFile(string text) : TextReader
    {
        private int position;

        public bool Ended { get; private set; }

        public override int Peek() => position < text.Length ? text[position] : -1;

        public override int Read() => position < text.Length ? text[position++] : End(-1);

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (position == 0)
            {
                Thread.Sleep(500);
            }
            var read = Math.Min(buffer.Length, text.Length - position);
            text.AsSpan(position, read).CopyTo(buffer);
            position += read;
            return read > 0 ? read : End(0);
        }

        private int End(int nothing)
        {
            Ended = true;
            return nothing;
        }
    }
}
