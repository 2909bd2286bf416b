using System.ComponentModel.DataAnnotations;

namespace Puente.Web.Features.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>When true the host migrates a new database and fills it with demo accounts and data.</summary>
    public bool Enabled { get; set; }

    [Required, MinLength(12)]
    public string Password { get; set; } = "Puente-demo-2026!";
}
