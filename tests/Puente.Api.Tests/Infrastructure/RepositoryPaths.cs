namespace Puente.Api.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The folder holding Puente.slnx, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Puente.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Puente.slnx not found above " + AppContext.BaseDirectory);
    }
}
