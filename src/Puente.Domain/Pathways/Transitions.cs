namespace Puente.Domain.Pathways;

/// <summary>
/// A change of status that is not allowed from where a record stands: the one refusal that the
/// transitions of requests, draw days and appointments all give. The edge turns it into words.
/// </summary>
public sealed record TransitionRejected<TStatus, TAction>(TStatus From, TAction Action)
    where TStatus : struct, Enum
    where TAction : struct, Enum;
