namespace Puente.Domain.Pathways.Draws;

/// <summary>
/// Everything needed to recompute a draw. Before the draw runs, <see cref="Reveal"/>,
/// <see cref="Seed"/>, <see cref="Results"/> and <see cref="ResultsDigest"/> are absent.
/// <see cref="Beacon"/> (an addition to the spec) says what became of the announced beacon round.
/// </summary>
public sealed record DrawBundle(
    DrawAnnouncement Announcement,
    IReadOnlyList<DrawEntry> Entries,
    string EntriesDigest,
    DrawReveal? Reveal = null,
    string? Seed = null,
    IReadOnlyList<DrawResult>? Results = null,
    string? ResultsDigest = null,
    DrawBeaconReport? Beacon = null);
