using Puente.Domain.Protection.Cases;
using Puente.Web.Hosting;
using Puente.Web.Protection.Jurisdiction;

namespace Puente.Web.Protection.Cases;

/// <summary>A supervisor hands a case to another consulate, with a reason; it arrives there unassigned.</summary>
internal sealed class TransferCase(CaseChange change, FindJurisdiction jurisdiction)
{
    public sealed record Command(int Version, string? Consulate, string? Reason);

    public Task<CaseChange.Outcome> Handle(Guid id, Command command, CaseActor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        if (command.Consulate is null || !jurisdiction.Exists(command.Consulate.Trim()))
        {
            errors.Add(new("consulate", FieldCodes.ConsulateUnknown, command.Consulate ?? ""));
        }
        if (string.IsNullOrWhiteSpace(command.Reason) || command.Reason.Length > MoveCase.MaxReason)
        {
            errors.Add(new("reason", FieldCodes.CaseReasonRequired));
        }
        if (errors.Count > 0)
        {
            return Task.FromResult<CaseChange.Outcome>(new CaseChange.Invalid(errors));
        }
        return change.Handle(id, actor, command.Version, "case.transferred", takes: false, record =>
        {
            var (next, rejected) = CaseTransitions.Apply(record.Status, CaseAction.Transfer);
            if (rejected is not null)
            {
                return Task.FromResult<CaseChange.Outcome?>(new CaseChange.Refused(rejected));
            }
            record.Status = next!.Value;
            record.ConsulateCode = command.Consulate!.Trim();
            record.AssignedToUserId = null;
            return Task.FromResult<CaseChange.Outcome?>(null);
        }, () => new { reason = command.Reason }, cancellationToken);
    }
}
