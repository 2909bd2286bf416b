using Puente.Domain.Protection.Cases;
using Puente.Web.Hosting;

namespace Puente.Web.Protection.Cases;

/// <summary>Moves a case along its workflow (start, wait, resume, resolve, close, reopen) by the transition table.</summary>
internal sealed class MoveCase(CaseChange change, TimeProvider clock)
{
    public const int MaxReason = 1000;

    public sealed record Command(int Version, CaseAction? Action, string? Reason = null);

    public Task<CaseChange.Outcome> Handle(Guid id, Command command, CaseActor actor, CancellationToken cancellationToken = default)
    {
        if (command.Action is not { } action || action is CaseAction.Assign or CaseAction.Transfer)
        {
            return Task.FromResult<CaseChange.Outcome>(new CaseChange.Invalid([new FieldError("action", FieldCodes.CaseActionInvalid)]));
        }
        if (CaseTransitions.NeedsReason(action) && (string.IsNullOrWhiteSpace(command.Reason) || command.Reason.Length > MaxReason))
        {
            return Task.FromResult<CaseChange.Outcome>(new CaseChange.Invalid([new FieldError("reason", FieldCodes.CaseReasonRequired)]));
        }
        return change.Handle(id, actor, command.Version, $"case.{action.ToString().ToLowerInvariant()}", takes: false, record =>
        {
            var (next, rejected) = CaseTransitions.Apply(record.Status, action);
            if (rejected is not null)
            {
                return Task.FromResult<CaseChange.Outcome?>(new CaseChange.Refused(rejected));
            }
            record.Status = next!.Value;
            if (CaseTransitions.IsFirstContact(action))
            {
                record.FirstContactAt ??= clock.GetUtcNow();
            }
            return Task.FromResult<CaseChange.Outcome?>(null);
        }, () => new { reason = command.Reason }, cancellationToken);
    }
}
