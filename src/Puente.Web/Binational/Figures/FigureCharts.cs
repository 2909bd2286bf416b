using System.Globalization;
using Microsoft.Extensions.Localization;
using Puente.Domain.Protection.Cases;

namespace Puente.Web.Binational.Figures;

/// <summary>
/// The bar charts of the figures that have one, drawn on the server with ScottPlot: SVG for the pages (an <c>img</c>
/// with a text alternative, the same numbers in a table beside it) and PNG for the PDF. A value that is missing or
/// withheld is not drawn, never drawn as zero.
/// </summary>
internal static class FigureCharts
{
    public const int Width = 720;
    public const int Height = 340;
    public const string SvgType = "image/svg+xml";

    /// <summary>The figures that have a chart, by <see cref="FigureTable.Id"/>.</summary>
    public static readonly IReadOnlySet<string> Charted = new HashSet<string>(StringComparer.Ordinal) { "pathways", "flows", "encounters", "protection" };

    public static byte[]? Svg(string id, PeriodFigures figures, IStringLocalizer text) =>
        Plot(id, figures, text) is { } plot ? System.Text.Encoding.UTF8.GetBytes(plot.GetSvgXml(Width, Height)) : null;

    public static byte[]? Png(string id, PeriodFigures figures, IStringLocalizer text) =>
        Plot(id, figures, text) is { } plot ? plot.GetImageBytes(Width, Height, ScottPlot.ImageFormat.Png) : null;

    private static ScottPlot.Plot? Plot(string id, PeriodFigures f, IStringLocalizer text) => id switch
    {
        "pathways" => Bars(
            [
                (text["Binational_Pathways_Persons"].Value, f.Pathways.Persons),
                (text["Binational_Pathways_PlacesOffered"].Value, f.Pathways.PlacesOffered),
                (text["Binational_Pathways_SelectedPersons"].Value, f.Pathways.SelectedPersons),
                (text["Binational_Pathways_CheckedIn"].Value, f.Pathways.CheckedInPersons),
                (text["Binational_Pathways_NoShows"].Value, f.Pathways.NoShowPersons),
            ]),
        "flows" => Grouped(
            [.. f.Flows.Measures.Select(m => text["Measure_" + m.Measure].Value)],
            [
                (text["Binational_Flows_Period"].Value, [.. f.Flows.Measures.Select(m => (double?)m.Period)]),
                (text["Binational_Flows_YearEarlier"].Value, [.. f.Flows.Measures.Select(m => (double?)m.YearEarlier)]),
            ]),
        "encounters" => Grouped(
            [.. f.Pathways.Months.Select(m => m.Month)],
            [
                (text[FigureTables.EncountersTotal(f.Encounters)].Value, [.. f.Pathways.Months.Select(m => (double?)f.Encounters.Months.FirstOrDefault(e => e.Month == m.Month)?.Total)]),
                (text["Binational_Pathways_SelectedPersons"].Value, [.. f.Pathways.Months.Select(m => (double?)m.SelectedPersons)]),
            ]),
        "protection" when f.Protection is { } p => Bars(
            [.. Enum.GetValues<CaseCategory>().Select(k => (text["Protection_Category_" + k].Value, (double?)p.ByCategory.First(c => c.Key == ProtectionKeys.Of(k)).Count))]),
        _ => null,
    };

    private static ScottPlot.Plot Bars(IReadOnlyList<(string Label, double? Value)> bars) =>
        Grouped([.. bars.Select(b => b.Label)], [("", [.. bars.Select(b => b.Value)])]);

    private static ScottPlot.Plot Grouped(IReadOnlyList<string> groups, IReadOnlyList<(string Series, IReadOnlyList<double?> Values)> series)
    {
        var plot = new ScottPlot.Plot();
        var width = 0.8 / series.Count;
        for (var s = 0; s < series.Count; s++)
        {
            var bars = series[s].Values
                .Select((value, g) => (value, g))
                .Where(b => b.value is not null)
                .Select(b => new ScottPlot.Bar { Position = b.g + ((s - ((series.Count - 1) / 2.0)) * width), Value = b.value!.Value, Size = width * 0.95 })
                .ToList();
            var plotted = plot.Add.Bars(bars);
            plotted.Color = ScottPlot.Palette.Default.GetColor(s);
            if (series.Count > 1)
            {
                plotted.LegendText = series[s].Series;
            }
        }
        plot.Axes.Bottom.SetTicks([.. groups.Select((_, i) => (double)i)], [.. groups]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = groups.Count > 4 ? -30 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = groups.Count > 4 ? ScottPlot.Alignment.MiddleRight : ScottPlot.Alignment.UpperCenter;
        plot.Axes.Bottom.MinimumSize = groups.Count > 4 ? 110 : 30;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v.ToString("N0", CultureInfo.InvariantCulture),
        };
        // Counts start at zero: a bar chart whose axis starts elsewhere exaggerates a difference.
        var max = series.SelectMany(s => s.Values).Max() ?? 0;
        plot.Axes.SetLimits(-0.6, groups.Count - 0.4, 0, Math.Max(1, max * 1.1));
        if (series.Count > 1)
        {
            plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        }
        return plot;
    }
}
