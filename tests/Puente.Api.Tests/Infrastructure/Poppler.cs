using System.Diagnostics;

namespace Puente.Api.Tests.Infrastructure;

/// <summary>Opens a PDF the way a reader does, with poppler's command-line tools: skipped (failed under CI) without them.</summary>
internal static class Poppler
{
    /// <summary>The first page drawn as a PNG by pdftoppm: proof that a PDF reader opens the file.</summary>
    public static async Task<byte[]> FirstPage(byte[] pdf)
    {
        var pdftoppm = Prerequisite.Program("pdftoppm", "install poppler-utils to render PDFs");
        var directory = Directory.CreateTempSubdirectory("puente-pdf-");
        try
        {
            var file = Path.Combine(directory.FullName, "file.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            await Run(pdftoppm, "-png", "-r", "40", "-f", "1", "-l", "1", file, Path.Combine(directory.FullName, "page"));
            return await File.ReadAllBytesAsync(Assert.Single(directory.GetFiles("page*.png")).FullName);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The text a reader (or a screen reader) gets out of the PDF, whitespace collapsed.</summary>
    public static async Task<string> Text(byte[] pdf)
    {
        var pdftotext = Prerequisite.Program("pdftotext", "install poppler-utils to read PDFs");
        var directory = Directory.CreateTempSubdirectory("puente-pdf-");
        try
        {
            var file = Path.Combine(directory.FullName, "file.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            await Run(pdftotext, "-enc", "UTF-8", file, file + ".txt");
            return System.Text.RegularExpressions.Regex.Replace(await File.ReadAllTextAsync(file + ".txt"), @"\s+", " ");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} exited {process.ExitCode}: {await error}");
    }
}
