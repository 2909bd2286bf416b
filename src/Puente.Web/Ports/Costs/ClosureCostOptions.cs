using System.ComponentModel.DataAnnotations;
using Puente.Domain.Ports.Costs;

namespace Puente.Web.Ports.Costs;

/// <summary>
/// Bound from the <c>ClosureCost</c> section. The defaults are rough public figures, explained with their
/// sources in docs/operators/closure-cost.md; an analyst with better figures sets their own.
/// </summary>
internal sealed class ClosureCostOptions
{
    public const string Section = "ClosureCost";

    /// <summary>US dollars of goods in one loaded truck container entering from Mexico.</summary>
    [Range(0, 10_000_000)]
    public decimal LoadedTruckContainerUsd { get; set; } = 50_000;

    /// <summary>US dollars of goods in one loaded rail container entering from Mexico.</summary>
    [Range(0, 10_000_000)]
    public decimal LoadedRailContainerUsd { get; set; } = 120_000;

    /// <summary>US dollars one person crossing (by car, bus or on foot) spends on the US side on that trip.</summary>
    [Range(0, 100_000)]
    public decimal PersonUsd { get; set; } = 50;

    /// <summary>How many of the nearest open ports with the same lane type share the diverted traffic.</summary>
    [Range(1, 10)]
    public int DiversionPorts { get; set; } = 3;

    public UnitValues Values => new(LoadedTruckContainerUsd, LoadedRailContainerUsd, PersonUsd);
}
