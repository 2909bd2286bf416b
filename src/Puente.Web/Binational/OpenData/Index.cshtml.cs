using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Puente.Web.Binational.OpenData;

/// <summary>The public list of open data files, with what each holds, in the reader's language.</summary>
internal sealed class OpenDataIndexModel(OpenDataCatalog catalog) : PageModel
{
    public IReadOnlyList<IOpenDataResource> Resources { get; private set; } = [];

    public void OnGet() => Resources = catalog.Resources;
}
