using System.Globalization;
using Microsoft.Extensions.Localization;
using Puente.Web.Binational.Scenarios;
using Puente.Domain.Protection.Cases;

namespace Puente.Web.Binational.Figures;

/// <summary>A text for people: a resource key with its arguments, or data shown as it is (a port's name, a month).</summary>
internal sealed record FigureText(string Value, bool Literal, params string[] Args)
{
    public static FigureText Key(string key, params string[] args) => new(key, false, args);

    public static FigureText Plain(string text) => new(text, true);

    public string In(IStringLocalizer text) => Literal ? Value : text[Value, [.. Args]].Value;

    /// <summary>A number as written by <see cref="FigureTables"/> is data: shown as it is.</summary>
    public static implicit operator FigureText(string text) => Plain(text);
}

internal sealed record FigureRow(FigureText Label, IReadOnlyList<FigureText> Values);

/// <summary>
/// One numbered figure: a table of numbers (and, for some, a chart of the same numbers) with its source and as-of
/// time. The order is fixed, so "Figure 3" is the same figure on the dashboard, the briefing page and the PDF.
/// <see cref="Empty"/> is what to say instead of the table when it has no rows (by default, that there are no data).
/// </summary>
internal sealed record FigureTable(
    int Number,
    string Id,
    FigureText Title,
    IReadOnlyList<FigureText> Columns,
    IReadOnlyList<FigureRow> Rows,
    string Source,
    DateTimeOffset AsOf,
    FigureText? Note = null,
    FigureText? Empty = null)
{
    public FigureText SourceText => FigureText.Key("Binational_Source_" + Source);
}

/// <summary>A headline number of the period, as the briefing and the dashboard open with (a number, or the word for withheld).</summary>
internal sealed record Headline(FigureText Label, FigureText Value);

/// <summary>
/// Turns <see cref="PeriodFigures"/> into the numbered tables and headlines every view shows. Numbers are written
/// once here, culture-free (<c>12,345</c>, <c>US$ 1,200,000</c>, <c>12.5 %</c>), so a view cannot write them differently.
/// </summary>
internal static class FigureTables
{
    /// <summary>What a withheld protection count reads as: a word, not "&lt; 5", since a count withheld so that the
    /// totals cannot give another away may be any size.</summary>
    public static readonly FigureText Withheld = FigureText.Key("Binational_Withheld");

    public const string Missing = "—";

    public static string Count(long? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : Missing;

    public static string Usd(decimal? value) => value is { } v ? "US$ " + Math.Round(v).ToString("N0", CultureInfo.InvariantCulture) : Missing;

    public static string Percent(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " %" : Missing;

    public static string Number(double? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : Missing;

    public static string Date(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Missing;

    public static FigureText Cell(ProtectionCell cell) => cell.Suppressed ? Withheld : Count(cell.Count);

    /// <summary>The label of the encounters' total: "CBP encounters", or the demo sample's own when that is what is shown.</summary>
    public static string EncountersTotal(EncounterFigures e) =>
        e.Source == FigureSources.EncountersSample ? "Binational_Encounters_SampleTotal" : "Binational_Encounters_Total";

    public static IReadOnlyList<Headline> Headlines(PeriodFigures f)
    {
        var list = new List<Headline>
        {
            new(FigureText.Key("Binational_Pathways_Requests"), Count(f.Pathways.Requests)),
            new(FigureText.Key("Binational_Pathways_PlacesOffered"), Count(f.Pathways.PlacesOffered)),
            new(FigureText.Key("Binational_Pathways_CheckedIn"), Count(f.Pathways.CheckedInPersons)),
            new(FigureText.Key("Binational_Closures_Count"), Count(f.Crossings.Closures.Count)),
            new(FigureText.Key("Binational_Closures_Value"), Usd(f.Crossings.EstimatedCostUsd)),
            new(FigureText.Key(EncountersTotal(f.Encounters)), Count(f.Encounters.Total)),
        };
        if (f.Protection is { } p)
        {
            list.Add(new(FigureText.Key("Binational_Protection_Total"), Cell(p.Total)));
        }
        return list;
    }

    public static IReadOnlyList<FigureTable> All(PeriodFigures f)
    {
        var tables = new List<FigureTable> { Pathways(f.Pathways), LanesNow(f.Crossings), Closures(f.Crossings), Waits(f.Waits), Flows(f.Flows), Encounters(f.Encounters, f.Pathways) };
        if (f.Protection is { } p)
        {
            tables.Add(Protection(p));
            tables.Add(Consulates(p));
        }
        if (f.Scenarios is { } s)
        {
            tables.Add(Scenarios(s));
        }
        return tables;
    }

    /// <summary>Days, and in brackets the change against the baseline: <c>14 (−6)</c>.</summary>
    public static string Days(int? value, int? baseline, bool isBaseline) =>
        value is not { } v ? Missing
        : isBaseline || baseline is not { } b ? v.ToString(CultureInfo.InvariantCulture)
        : $"{v.ToString(CultureInfo.InvariantCulture)} ({Signed(v - b, "0")})";

    /// <summary>A share as a percentage, and in brackets the change in points against the baseline: <c>35.2 % (+12.1)</c>.</summary>
    public static string Share(double value, double baseline, bool isBaseline) =>
        isBaseline ? Percent(value * 100) : $"{Percent(value * 100)} ({Signed(Math.Round((value - baseline) * 100, 1), "0.0")})";

    private static string Signed(double change, string format) => change switch
    {
        > 0 => "+" + change.ToString(format, CultureInfo.InvariantCulture),
        < 0 => "−" + (-change).ToString(format, CultureInfo.InvariantCulture),
        _ => "±" + 0.ToString(format, CultureInfo.InvariantCulture),
    };

    private static FigureRow Row(string key, params string[] values) => new(FigureText.Key(key), [.. values.Select(v => (FigureText)v)]);

    private static FigureTable Pathways(PathwayFigures p) => new(1, "pathways", FigureText.Key("Binational_Pathways_Title"),
        [FigureText.Key("Binational_Column_Value")],
        [
            Row("Binational_Pathways_Requests", Count(p.Requests)),
            Row("Binational_Pathways_Persons", Count(p.Persons)),
            Row("Binational_Pathways_PlacesOffered", Count(p.PlacesOffered)),
            Row("Binational_Pathways_SelectedGroups", Count(p.SelectedGroups)),
            Row("Binational_Pathways_SelectedPersons", Count(p.SelectedPersons)),
            Row("Binational_Pathways_CheckedIn", Count(p.CheckedInPersons)),
            Row("Binational_Pathways_NoShows", Count(p.NoShowPersons)),
            Row("Binational_Pathways_MedianDays", Number(p.MedianDaysToSelection)),
        ],
        p.Source, p.AsOf);

    private static FigureTable LanesNow(CrossingFigures c) => new(2, "lanes", FigureText.Key("Binational_Lanes_Title"),
        [FigureText.Key("LaneStatus_Open"), FigureText.Key("LaneStatus_Restricted"), FigureText.Key("LaneStatus_Closed")],
        [
            new(FigureText.Key("Binational_Lanes_AllPorts"), [Count(c.StatusNow.Sum(p => p.Open)), Count(c.StatusNow.Sum(p => p.Restricted)), Count(c.StatusNow.Sum(p => p.Closed))]),
            .. c.StatusNow.Where(p => p.Restricted + p.Closed > 0).Select(p => new FigureRow(FigureText.Plain($"{p.Name} ({p.Port})"), [Count(p.Open), Count(p.Restricted), Count(p.Closed)])),
        ],
        c.Source, c.AsOf, FigureText.Key("Binational_Lanes_Note"));

    private static FigureTable Closures(CrossingFigures c) => new(3, "closures", FigureText.Key("Binational_Closures_Title"),
        [
            FigureText.Key("Binational_Closures_Lane"), FigureText.Key("Binational_Closures_From"), FigureText.Key("Binational_Closures_To"),
            FigureText.Key("Binational_Closures_ReopenedOn"), FigureText.Key("Binational_Closures_Days"),
            FigureText.Key("Binational_Closures_PerDay"), FigureText.Key("Binational_Closures_InPeriod"),
        ],
        [
            .. c.Closures.Select(x => new FigureRow(FigureText.Plain($"{x.PortName} · {x.Crossing}"),
                [FigureText.Key("Lane_" + x.Lane), Date(x.FirstDate), Date(x.LastClosedDate), Date(x.ReopenedOn), Count(x.DaysInPeriod), Usd(x.ValuePerDayUsd), Usd(x.ValueInPeriodUsd)])),
            new(FigureText.Key("Binational_Closures_Total"), ["", "", "", "", Count(c.Closures.Sum(x => x.DaysInPeriod)), "", Usd(c.EstimatedCostUsd)]),
        ],
        c.Source, c.AsOf, FigureText.Key("Binational_Closures_Note"));

    private static FigureTable Waits(WaitFigures w) => new(4, "waits", FigureText.Key("Binational_Waits_Title"),
        [FigureText.Key("Binational_Waits_Readings"), FigureText.Key("Binational_Waits_Median"), FigureText.Key("Binational_Waits_Max")],
        [.. w.Lanes.Select(l => new FigureRow(FigureText.Key("Lane_" + l.Lane), [Count(l.Readings), Number(l.MedianMinutes), Count(l.MaxMinutes)]))],
        w.Source, w.AsOf);

    private static FigureTable Flows(FlowFigures f) => new(5, "flows", FigureText.Key("Binational_Flows_Title", f.FromMonth, f.ToMonth),
        [FigureText.Key("Binational_Flows_Period"), FigureText.Key("Binational_Flows_YearEarlier"), FigureText.Key("Binational_Flows_Change"), FigureText.Key("Binational_Flows_Conflicts")],
        [.. f.Measures.Select(m => new FigureRow(FigureText.Key("Measure_" + m.Measure), [Count(m.Period), Count(m.YearEarlier), Percent(m.ChangePercent), Count(m.MonthsInConflict)]))],
        f.Source, f.AsOf);

    private static FigureTable Encounters(EncounterFigures e, PathwayFigures p) => new(6, "encounters", FigureText.Key("Binational_Encounters_Title"),
        [
            FigureText.Key("Binational_Encounters_FieldOperations"), FigureText.Key("Binational_Encounters_BorderPatrol"), FigureText.Key(EncountersTotal(e)),
            FigureText.Key("Binational_Pathways_SelectedPersons"), FigureText.Key("Binational_Pathways_CheckedIn"),
        ],
        [
            .. p.Months.Select(m =>
            {
                var month = e.Months.FirstOrDefault(x => x.Month == m.Month);
                return new FigureRow(FigureText.Plain(m.Month),
                    [Count(month?.FieldOperations), Count(month?.BorderPatrol), Count(month?.Total), Count(m.SelectedPersons), Count(m.CheckedInPersons)]);
            }),
        ],
        e.Source, e.AsOf, FigureText.Key(e.Source == FigureSources.EncountersSample ? "Binational_Encounters_SampleNote" : "Binational_Encounters_Note"));

    private static FigureTable Protection(ProtectionFigures p)
    {
        ProtectionCell Of(string key, IReadOnlyList<ProtectionCell> cells) => cells.First(c => c.Key == key);
        return new(7, "protection", FigureText.Key("Binational_Protection_Title"),
            [FigureText.Key("Binational_Column_Cases")],
            [
                new(FigureText.Key("Binational_Protection_Total"), [Cell(p.Total)]),
                .. Enum.GetValues<CaseCategory>().Select(k => new FigureRow(FigureText.Key("Protection_Category_" + k), [Cell(Of(ProtectionKeys.Of(k), p.ByCategory))])),
                .. Enum.GetValues<CaseUrgency>().Select(k => new FigureRow(FigureText.Key("Protection_Urgency_" + k), [Cell(Of(ProtectionKeys.Of(k), p.ByUrgency))])),
                new(FigureText.Key("Binational_Protection_Overdue"), [p.Overdue.Suppressed ? Withheld : (FigureText)Percent(p.Overdue.Percent)]),
            ],
            p.Source, p.AsOf, FigureText.Key("Binational_Protection_Note", p.SuppressedBelow.ToString(CultureInfo.InvariantCulture)));
    }

    private static FigureTable Consulates(ProtectionFigures p) => new(8, "consulates", FigureText.Key("Binational_Consulates_Title"),
        [FigureText.Key("Binational_Column_Cases")],
        [.. p.ByConsulate.Select(c => new FigureRow(FigureText.Plain(c.Key), [Cell(c)]))],
        p.Source, p.AsOf, FigureText.Key("Binational_Protection_Note", p.SuppressedBelow.ToString(CultureInfo.InvariantCulture)));

    private static FigureTable Scenarios(ScenarioFigures s)
    {
        var baseline = s.Scenarios.FirstOrDefault(x => x.Scenario == ComputeScenarios.Baseline);
        return new(9, "scenarios", FigureText.Key("Binational_Scenarios_Title"),
            [
                FigureText.Key("Binational_Scenarios_Places"), FigureText.Key("Binational_Scenarios_Priority"),
                FigureText.Key("Binational_Scenarios_Median"), FigureText.Key("Binational_Scenarios_P90"), FigureText.Key("Binational_Scenarios_Within30"),
            ],
            [
                .. s.Scenarios.Select(x =>
                {
                    var isBaseline = x == baseline;
                    return new FigureRow(FigureText.Key("Binational_Scenario_" + x.Scenario),
                    [
                        Count(x.PlacesPerDay), x.PriorityPercent.ToString(CultureInfo.InvariantCulture) + " %",
                        Days(x.MedianDays, baseline?.MedianDays, isBaseline), Days(x.P90Days, baseline?.P90Days, isBaseline),
                        Share(x.SelectedWithin30Days, baseline?.SelectedWithin30Days ?? 0, isBaseline || baseline is null),
                    ]);
                }),
            ],
            s.Source, s.AsOf,
            s.Computed
                ? FigureText.Key("Binational_Scenarios_Note_" + s.Demand, s.SimulatorVersion!, s.Seed?.ToString(CultureInfo.InvariantCulture) ?? Missing, Date(s.Start), Count(s.Days),
                    Number(s.MeanDailyArrivals), Number(s.ReentryShare), Count(s.Scenarios.Count > 0 ? s.Scenarios[0].Requests : null))
                : null,
            FigureText.Key("Binational_Scenarios_NotComputed"));
    }
}
