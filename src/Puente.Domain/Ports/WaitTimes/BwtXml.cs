using System.Xml;
using System.Xml.Linq;

namespace Puente.Domain.Ports.WaitTimes;

/// <summary>
/// Reads CBP's Border Wait Times XML (<c>bwt.xml</c>): <c>&lt;border_wait_time&gt;</c> with one
/// <c>&lt;port&gt;</c> per crossing. The XML has no per-crossing time; lanes carry their update time.
/// </summary>
public static class BwtXml
{
    public static WaitFeed Parse(string xml)
    {
        XDocument document;
        try
        {
            // No DTDs: the feed never has one, and refusing them closes the entity-expansion door.
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return WaitFeed.Unreadable($"Not XML: {e.Message}");
        }
        if (document.Root is not { Name.LocalName: "border_wait_time" } root)
        {
            return WaitFeed.Unreadable("The root element is not <border_wait_time>.");
        }
        var crossings = new List<CrossingReport>();
        var problems = new List<string>();
        var index = 0;
        foreach (var port in root.Elements("port"))
        {
            if (Text(port, "port_number").Length == 0)
            {
                problems.Add($"Port element {index} has no port_number.");
            }
            else
            {
                crossings.Add(new(
                    Text(port, "port_number"), Text(port, "border"), Text(port, "port_name"), Text(port, "crossing_name"),
                    Text(port, "date"), Text(port, "time"), Text(port, "port_status"),
                    [.. BwtLaneGroups.All.SelectMany(g => Lanes(port, g))]));
            }
            index++;
        }
        return new(crossings, problems);
    }

    private static IEnumerable<LaneReading> Lanes(XElement port, BwtLaneGroups.Group group)
    {
        if (port.Element(group.Element) is not { } lanes)
        {
            yield break;
        }
        var maximum = Text(lanes, "maximum_lanes");
        foreach (var (element, kind) in group.Kinds)
        {
            if (lanes.Element(element) is { } lane)
            {
                yield return new LaneReading(group.Type, kind, Text(lane, "update_time"), Text(lane, "operational_status"),
                    Text(lane, "delay_minutes"), Text(lane, "lanes_open"), maximum);
            }
        }
    }

    private static string Text(XElement parent, string name) => parent.Element(name)?.Value.Trim() ?? "";
}
