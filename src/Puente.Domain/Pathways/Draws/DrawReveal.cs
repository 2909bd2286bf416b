namespace Puente.Domain.Pathways.Draws;

/// <summary>Published when the draw runs: the committed secret and the optional public beacon.</summary>
/// <param name="Secret">64 lowercase hex characters (32 bytes).</param>
/// <param name="Beacon">A public random value fixed after the window closed; empty when none.</param>
public sealed record DrawReveal(string Secret, string Beacon);
