namespace Puente.Domain.Tests.Pathways.Draws;

/// <summary>Finds the repository and the shared specs folder beside it, for tests that read real files.</summary>
internal static class SharedFiles
{
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Puente.slnx")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    /// <summary><c>PUENTE_SHARED</c> when set, otherwise <c>&lt;repoRoot&gt;/../shared</c>.</summary>
    public static string? SharedFolder()
    {
        var configured = Environment.GetEnvironmentVariable("PUENTE_SHARED");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        var root = RepositoryRoot();
        return root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared"));
    }
}
