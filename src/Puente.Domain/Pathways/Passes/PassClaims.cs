namespace Puente.Domain.Pathways.Passes;

/// <summary>A traveller as the pass shows them: enough for an officer to match faces to documents,
/// little enough that a lost pass reveals almost nothing.</summary>
public sealed record PassTraveller(string Initials, int BirthYear);

/// <summary>What a signed pass says: who may cross, where, on which day and slot.</summary>
public sealed record PassClaims(
    string PassId,
    string Ticket,
    string Port,
    DateOnly ServiceDate,
    string Slot,
    int GroupSize,
    IReadOnlyList<PassTraveller> Travellers)
{
    /// <summary>Equality by value, travellers included (records compare lists by reference).</summary>
    public bool Matches(PassClaims other) =>
        PassId == other.PassId && Ticket == other.Ticket && Port == other.Port && ServiceDate == other.ServiceDate
        && Slot == other.Slot && GroupSize == other.GroupSize && Travellers.SequenceEqual(other.Travellers);
}
