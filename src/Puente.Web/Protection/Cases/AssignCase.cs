using Microsoft.EntityFrameworkCore;
using Puente.Domain.Protection.Cases;
using Puente.Web.Accounts;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Web.Protection.Cases;

/// <summary>
/// Assignment is a lock: a caseworker takes an unassigned case of their consulate; a supervisor
/// assigns or reassigns it to any caseworker of the case's consulate.
/// </summary>
internal sealed class AssignCase(PuenteDb db, CaseChange change)
{
    /// <param name="Assignee">A caseworker's e-mail; omitted, the caller takes the case.</param>
    public sealed record Command(int Version, string? Assignee = null);

    public Task<CaseChange.Outcome> Handle(Guid id, Command command, CaseActor actor, CancellationToken cancellationToken = default) =>
        change.Handle(id, actor, command.Version, "case.assigned", takes: true, async record =>
        {
            var (next, rejected) = CaseTransitions.Apply(record.Status, CaseAction.Assign);
            if (rejected is not null)
            {
                return new CaseChange.Refused(rejected);
            }
            string assignee;
            if (command.Assignee is null || !actor.IsSupervisor)
            {
                if (command.Assignee is not null && !string.Equals(command.Assignee.Trim(), actor.Email, StringComparison.OrdinalIgnoreCase))
                {
                    return new CaseChange.Invalid([new FieldError("assignee", FieldCodes.CaseAssignSelfOnly)]);
                }
                if (actor.IsSupervisor)
                {
                    return new CaseChange.Invalid([new FieldError("assignee", FieldCodes.CaseAssigneeRequired)]);
                }
                assignee = actor.UserId;
            }
            else if (await Caseworker(command.Assignee.Trim(), record.ConsulateCode, cancellationToken) is { } found)
            {
                assignee = found;
            }
            else
            {
                return new CaseChange.Invalid([new FieldError("assignee", FieldCodes.CaseAssigneeUnknown, command.Assignee, record.ConsulateCode)]);
            }
            record.AssignedToUserId = assignee;
            record.Status = next!.Value;
            return null;
        }, cancellationToken: cancellationToken);

    private async Task<string?> Caseworker(string email, string consulate, CancellationToken cancellationToken)
    {
        var normalized = email.ToUpperInvariant();
        return await db.Users
            .Where(u => u.NormalizedEmail == normalized && u.ConsulateCode == consulate)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Caseworker)))
            .Select(u => u.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
