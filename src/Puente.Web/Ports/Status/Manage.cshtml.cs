using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Puente.Domain.Ports;
using Puente.Domain.Ports.Status;
using Puente.Web.Accounts;
using Puente.Web.Hosting;
using Puente.Web.Ports.Closures;

namespace Puente.Web.Ports.Status;

/// <summary>An officer's (or an Admin's) page for one port: its lanes, their history, changes and closures; no JavaScript.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.PortOfficer)]
internal sealed class ManageModel(
    GetPortStatus getStatus, GetLaneHistory getHistory, ChangeLaneStatus change, GetClosure getClosure, ReopenClosure reopen,
    UserManager<PuenteUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";

    /// <summary>"crossing:lane", e.g. 250407:Pedestrian.</summary>
    [BindProperty] public string? LaneKey { get; set; }
    [BindProperty] public LaneAction Action { get; set; }
    [BindProperty] public LaneReason? Reason { get; set; }
    [BindProperty] public DateOnly? ExpectedReopening { get; set; }

    public GetPortStatus.PortStatus? Port { get; private set; }
    public IReadOnlyList<GetLaneHistory.Change> History { get; private set; } = [];
    public IReadOnlyList<GetClosure.Closure> Closures { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken) => await Load(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostChange([FromServices] IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var (crossing, lane) = Status.LaneKey.Parse(LaneKey);
        var outcome = await change.Handle(Code, new ChangeLaneStatus.Command(crossing, lane, Action, Reason, ExpectedReopening),
            PortCaller.ToManage(User, users), cancellationToken);
        switch (outcome)
        {
            case ChangeLaneStatus.Changed:
                Notice = text["PortManage_Changed"];
                break;
            case ChangeLaneStatus.Invalid invalid:
                Errors.AddRange(invalid.Errors.Select(e => e.Text(text)));
                break;
            case ChangeLaneStatus.Refused refused:
                Errors.Add(text["PortManage_Refused", text[$"LaneStatus_{refused.Rejection.From}"]]);
                break;
            default:
                return NotFound();
        }
        return await Load(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReopen(Guid closure, [FromServices] IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        switch (await reopen.Handle(closure, PortCaller.ToManage(User, users), cancellationToken))
        {
            case ReopenClosure.Reopened reopened:
                Notice = text["PortManage_Reopened", IsoDates.Write(reopened.On)];
                break;
            case ReopenClosure.NotClosed:
                Errors.Add(text["PortManage_NotClosed"]);
                break;
            default:
                Errors.Add(text["Problem_closures.not-found_Detail"]);
                break;
        }
        return await Load(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        var caller = PortCaller.ToManage(User, users);
        // The history is scoped to the caller's ports: null means the port is not theirs (or does not exist).
        if (await getHistory.Handle(Code, caller, cancellationToken) is not { } history)
        {
            return false;
        }
        History = history;
        Port = await getStatus.Handle(Code, cancellationToken);
        Closures = await getClosure.OfPort(Code, caller, cancellationToken);
        return Port is not null;
    }
}
