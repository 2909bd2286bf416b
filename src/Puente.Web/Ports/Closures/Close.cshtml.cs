using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Puente.Domain.Ports;
using Puente.Domain.Ports.Status;
using Puente.Web.Accounts;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Ports.Costs;
using Puente.Web.Ports.Status;

namespace Puente.Web.Ports.Closures;

/// <summary>An officer closes a lane of their port: preview the moves, then confirm; no JavaScript.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.PortOfficer)]
internal sealed class CloseModel(
    GetPortStatus getStatus, GetLaneHistory access, ClosePort close, EstimateClosureCost estimate, UserManager<PuenteUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";

    /// <summary>"crossing:lane", e.g. 250407:Pedestrian.</summary>
    [BindProperty] public string? LaneKey { get; set; }
    [BindProperty] public DateOnly? From { get; set; }
    [BindProperty] public DateOnly? To { get; set; }
    [BindProperty] public LaneReason Reason { get; set; } = LaneReason.StaffRedeployed;

    public GetPortStatus.PortStatus? Port { get; private set; }
    public RebookAppointments.Summary? Preview { get; private set; }

    /// <summary>What the previewed closure would cost; null when there are no BTS counts to estimate from.</summary>
    public ClosureCostResponse? PreviewCost { get; private set; }
    public GetClosure.Closure? Done { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken) => await Load(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostPreview([FromServices] IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
        Run(preview: true, text, cancellationToken);

    public Task<IActionResult> OnPostConfirm([FromServices] IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
        Run(preview: false, text, cancellationToken);

    private async Task<IActionResult> Run(bool preview, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var (crossing, lane) = Status.LaneKey.Parse(LaneKey);
        switch (await close.Handle(Code, new ClosePort.Command(crossing, lane, From, To, Reason), PortCaller.ToManage(User, users), preview, cancellationToken))
        {
            case ClosePort.Previewed previewed:
                Preview = previewed.Summary;
                PreviewCost = await estimate.OfClosure(Code, lane, From!.Value, To!.Value, null, cancellationToken);
                break;
            case ClosePort.Closed closed:
                Done = closed.Closure;
                break;
            case ClosePort.Invalid invalid:
                Errors.AddRange(invalid.Errors.Select(e => e.Text(text)));
                break;
            default:
                return NotFound();
        }
        return await Load(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        // Scoped to the caller's ports: null when the port is not theirs.
        if (await access.Handle(Code, PortCaller.ToManage(User, users), cancellationToken) is null)
        {
            return false;
        }
        Port = await getStatus.Handle(Code, cancellationToken);
        return Port is not null;
    }
}
