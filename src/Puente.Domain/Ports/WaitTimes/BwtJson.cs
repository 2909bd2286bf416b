using System.Text.Json;

namespace Puente.Domain.Ports.WaitTimes;

/// <summary>
/// Reads CBP's Border Wait Times JSON (<c>api/bwtnew</c>): an array of crossings, every value a string.
/// A crossing whose shape is off is reported by position and the rest are still read.
/// </summary>
public static class BwtJson
{
    public static WaitFeed Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return WaitFeed.Unreadable($"Not JSON: {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return WaitFeed.Unreadable("The document is not an array of crossings.");
            }
            var crossings = new List<CrossingReport>();
            var problems = new List<string>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"Item {index} is not an object.");
                }
                else if (Text(element, "port_number").Length == 0)
                {
                    problems.Add($"Item {index} has no port_number.");
                }
                else
                {
                    crossings.Add(Crossing(element));
                }
                index++;
            }
            return new(crossings, problems);
        }
    }

    private static CrossingReport Crossing(JsonElement e) => new(
        Text(e, "port_number"), Text(e, "border"), Text(e, "port_name"), Text(e, "crossing_name"),
        Text(e, "date"), Text(e, "time"), Text(e, "port_status"),
        [.. BwtLaneGroups.All.SelectMany(g => Lanes(e, g))]);

    private static IEnumerable<LaneReading> Lanes(JsonElement crossing, BwtLaneGroups.Group group)
    {
        if (!crossing.TryGetProperty(group.Element, out var lanes) || lanes.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
        var maximum = Text(lanes, "maximum_lanes");
        foreach (var (element, kind) in group.Kinds)
        {
            if (lanes.TryGetProperty(element, out var lane) && lane.ValueKind == JsonValueKind.Object)
            {
                yield return new LaneReading(group.Type, kind, Text(lane, "update_time"), Text(lane, "operational_status"),
                    Text(lane, "delay_minutes"), Text(lane, "lanes_open"), maximum);
            }
        }
    }

    // Every value is a string in the feed; a number or null written instead is kept as its text.
    private static string Text(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var value) ? ""
        : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Trim(),
            JsonValueKind.Null => "",
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => "",
        };
}
