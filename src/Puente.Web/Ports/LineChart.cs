namespace Puente.Web.Ports;

/// <summary>
/// A line chart drawn on the server (ScottPlot) as SVG, for pages that must work without JavaScript.
/// It goes out as an <c>img</c> data URI, which the strict CSP allows, with a text alternative beside it
/// and the numbers in a table; points without a value are left out, never drawn as zero.
/// </summary>
internal static class LineChart
{
    public const int Width = 720;
    public const int Height = 300;

    public static string SvgDataUri(IReadOnlyList<(DateTime At, double? Value)> points, string valueLabel)
    {
        var plot = new ScottPlot.Plot();
        var known = points.Where(p => p.Value is not null).ToList();
        if (known.Count > 0)
        {
            var line = plot.Add.Scatter(known.Select(p => p.At.ToOADate()).ToArray(), known.Select(p => p.Value!.Value).ToArray());
            line.MarkerSize = known.Count > 60 ? 0 : 4;
            line.LineWidth = 2;
        }
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Left.Label.Text = valueLabel;
        // Counts and minutes start at zero; a chart whose axis starts elsewhere exaggerates a change.
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, Math.Max(1, known.Count == 0 ? 1 : known.Max(p => p.Value!.Value) * 1.1));
        var svg = plot.GetSvgXml(Width, Height);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }
}
