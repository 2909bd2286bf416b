using Puente.Domain.Protection.Cases;
using Puente.Web.Hosting;
using Puente.Web.Protection.Privacy;

namespace Puente.Web.Protection.Cases;

/// <summary>The holder (or a supervisor) corrects the urgency, the subtype, the contacts or the narrative.</summary>
internal sealed class UpdateCase(CaseChange change, CaseSeal seal)
{
    public sealed record Command(int Version, CaseUrgency? Urgency = null, string? Subtype = null, string? Phone = null, string? Email = null, string? Narrative = null);

    public Task<CaseChange.Outcome> Handle(Guid id, Command command, CaseActor actor, CancellationToken cancellationToken = default)
    {
        if (command.Narrative is { } narrative && (string.IsNullOrWhiteSpace(narrative) || narrative.Length > OpenCase.MaxNarrative))
        {
            return Task.FromResult<CaseChange.Outcome>(new CaseChange.Invalid(
                [new FieldError("narrative", FieldCodes.CaseTextRequired, OpenCase.MaxNarrative.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        }
        var personal = new List<string>();
        return change.Handle(id, actor, command.Version, "case.updated", takes: false, record =>
        {
            if (command.Subtype is { } subtype && !CaseSubtypes.Belongs(record.Category, subtype))
            {
                return Task.FromResult<CaseChange.Outcome?>(new CaseChange.Invalid(
                    [new FieldError("subtype", FieldCodes.CaseSubtypeInvalid, string.Join(", ", CaseSubtypes.ByCategory[record.Category]))]));
            }
            record.Urgency = command.Urgency ?? record.Urgency;
            record.Subtype = command.Subtype ?? record.Subtype;
            var person = CasePerson.FromJson(seal.Open(record.Id, record.Sealed));
            var updated = person with
            {
                Phone = command.Phone ?? person.Phone,
                Email = command.Email ?? person.Email,
                Narrative = command.Narrative?.Trim() ?? person.Narrative,
            };
            personal.AddRange(new[] { ("phone", person.Phone != updated.Phone), ("email", person.Email != updated.Email), ("narrative", person.Narrative != updated.Narrative) }
                .Where(p => p.Item2).Select(p => p.Item1));
            if (personal.Count > 0)
            {
                record.Sealed = seal.Seal(record.Id, updated.ToJson());
            }
            return Task.FromResult<CaseChange.Outcome?>(null);
        }, () => new { personalFields = personal }, cancellationToken);
    }
}
