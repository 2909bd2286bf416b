namespace Puente.Web.Ports;

/// <summary>
/// A line chart drawn on the server (ScottPlot) as SVG, for pages that must work without JavaScript.
/// A page shows it as an <c>img</c> of its own resource, with a text alternative and the numbers in a
/// table beside it; points without a value are left out, never drawn as zero.
/// </summary>
internal static class LineChart
{
    public const int Width = 720;
    public const int Height = 300;

    public const string ContentType = "image/svg+xml";

    /// <param name="timeFormat">How the time axis writes a tick, culture-free (ISO-like: <c>yyyy-MM</c>, <c>MM-dd HH:mm</c>).</param>
    public static byte[] Svg(IReadOnlyList<(DateTime At, double? Value)> points, string timeFormat)
    {
        var plot = new ScottPlot.Plot();
        var known = points.Where(p => p.Value is not null).ToList();
        if (known.Count > 0)
        {
            var line = plot.Add.Scatter(known.Select(p => p.At.ToOADate()).ToArray(), known.Select(p => p.Value!.Value).ToArray());
            line.MarkerSize = known.Count > 60 ? 0 : 4;
            line.LineWidth = 2;
        }
        var ticks = new ScottPlot.TickGenerators.DateTimeAutomatic { LabelFormatter = t => t.ToString(timeFormat, System.Globalization.CultureInfo.InvariantCulture) };
        plot.Axes.DateTimeTicksBottom().TickGenerator = ticks;
        // Counts and minutes start at zero; a chart whose axis starts elsewhere exaggerates a change.
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, Math.Max(1, known.Count == 0 ? 1 : known.Max(p => p.Value!.Value) * 1.1));
        return System.Text.Encoding.UTF8.GetBytes(plot.GetSvgXml(Width, Height));
    }
}
