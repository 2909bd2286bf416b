using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Domain.Protection.Jurisdiction;
using Puente.Web.Hosting;

namespace Puente.Web.Protection.Jurisdiction;

/// <summary>The public jurisdiction lookup: which consulate serves a county on a date. Works without JavaScript.</summary>
internal sealed class ConsulatesModel(FindJurisdiction find, TimeProvider clock) : PageModel
{
    public sealed record Message(string Key, params object[] Arguments);

    [BindProperty(SupportsGet = true)] public string? County { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }

    public FindJurisdiction.Network Network { get; private set; } = null!;
    public FindJurisdiction.Found? Found { get; private set; }
    public Message? Problem { get; private set; }

    public void OnGet()
    {
        Network = find.List();
        if (string.IsNullOrWhiteSpace(County) && string.IsNullOrWhiteSpace(State) && string.IsNullOrWhiteSpace(Name))
        {
            return;
        }
        var date = string.IsNullOrWhiteSpace(Date) ? null : Date;
        if (ConsulatesApi.Ask(County, State, Name, date, clock) is not { } query)
        {
            Problem = date is not null && IsoDates.Parse(date) is null
                ? new Message($"Problem_{ProblemCodes.InvalidDate}_Detail", [date, .. IsoDates.Range])
                : new Message($"Problem_{ProblemCodes.JurisdictionQuery}_Detail");
            return;
        }
        switch (find.Handle(query))
        {
            case FindJurisdiction.Found found:
                Found = found;
                break;
            case FindJurisdiction.NotCovered { Reason: UnmappedReason.BeforeCoverage } notCovered:
                Problem = new Message($"Problem_{ProblemCodes.JurisdictionBeforeCoverage}_Detail", IsoDates.Write(notCovered.CoverageFrom));
                break;
            default:
                Problem = new Message($"Problem_{ProblemCodes.JurisdictionUnmapped}_Detail", County ?? $"{Name}, {State}");
                break;
        }
    }
}
