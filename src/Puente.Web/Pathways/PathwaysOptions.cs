using System.ComponentModel.DataAnnotations;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Registration;
using Puente.Domain.Pathways.Requests;
using Puente.Domain.Ports;

using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways;

/// <summary>Bound from the <c>Pathways</c> section.</summary>
internal sealed class PathwaysOptions : IValidatableObject
{
    public const string Section = "Pathways";

    /// <summary>Companions an applicant may register besides themself.</summary>
    [Range(0, 20)]
    public int MaxGroupSize { get; set; } = 8;

    /// <summary>Share of each port's daily capacity given by waiting time (phase 1 of the draw).</summary>
    [Range(0, 100)]
    public int PriorityPercent { get; set; } = 50;

    /// <summary>How long before the service date (00:00 UTC) its request window opens.</summary>
    public TimeSpan WindowOpensBefore { get; set; } = TimeSpan.FromHours(36);

    /// <summary>How long the request window stays open.</summary>
    public TimeSpan WindowLength { get; set; } = TimeSpan.FromHours(23);

    /// <summary>How long before the window opens the commitment is published.</summary>
    public TimeSpan AnnounceLead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Default slots per port code, used unless an Admin overrides a date.</summary>
    public Dictionary<string, List<SlotTemplate>> DefaultSlots { get; set; } = [];

    public RequestWindow Window => new(WindowOpensBefore, WindowLength);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WindowLength <= TimeSpan.Zero || WindowLength > WindowOpensBefore)
        {
            yield return new ValidationResult("Pathways:WindowLength must be positive and close before the service date starts.");
        }
        foreach (var (port, slots) in DefaultSlots)
        {
            foreach (var slot in slots)
            {
                if (!SlotTime.TryParse(slot.Start, out _) || slot.Capacity < 0)
                {
                    yield return new ValidationResult($"Pathways:DefaultSlots:{port}: '{slot.Start}' must be HH:MM with a capacity ≥ 0.");
                }
            }
        }
    }
}

/// <summary>One slot of a port's default day: local start time and capacity in persons.</summary>
internal sealed class SlotTemplate
{
    public string Start { get; set; } = "";
    public int Capacity { get; set; }
}
