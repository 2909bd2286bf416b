using System.ComponentModel.DataAnnotations;

namespace Puente.Web.Demo;

internal sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>
    /// When true the host migrates a new database and fills it with demo accounts and data. Unset, it is
    /// true in Development on SQLite only: the PostgreSQL provider needs <c>Demo:Enabled=true</c> said aloud.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>Synthetic applicants in the draw simulated for yesterday when a demo database is new.</summary>
    [Range(0, 100_000)]
    public int SimulatedApplicants { get; set; } = 800;

    [Required, MinLength(12)]
    public string Password { get; set; } = "Puente-demo-2026!";
}
