namespace Puente.Tests;

/// <summary>Where a test finds its fixtures (shipped with the tests) and the public data (never copied into the repository).</summary>
public static class TestFiles
{
    /// <summary>A fixture under tests/Shared/Fixtures, e.g. <c>Ports/bwt.xml</c>.</summary>
    public static string Fixture(string relativePath) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath);

    /// <summary>
    /// A file of the shared real-data folder (PUENTE_REAL_DATA, else ../shared/data beside the repository);
    /// skips (fails under CI=true) when it is not there.
    /// </summary>
    public static string RealData(string fileName)
    {
        var directory = Environment.GetEnvironmentVariable("PUENTE_REAL_DATA") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot(), "..", "shared", "data");
        var path = Path.GetFullPath(Path.Combine(directory, fileName));
        if (!File.Exists(path))
        {
            Prerequisite.Missing($"Real data file {path} is not present; set PUENTE_REAL_DATA to the folder holding the shared BTS/CBP files to run this check.");
        }
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Puente.slnx")))
            {
                return dir.FullName;
            }
        }
        Prerequisite.Missing($"No Puente.slnx above {AppContext.BaseDirectory}, so the default real-data folder is unknown; set PUENTE_REAL_DATA.");
        return "";
    }
}
