using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Web.Database;

namespace Puente.Web.Protection.Cases;

/// <summary>Search first: the caller's workqueues and a search by number or name; never a list of everything.</summary>
[Authorize(Roles = "Caseworker,Supervisor")]
internal sealed class IndexModel(PuenteDb db, FindCases find) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true, Name = "queue")] public string? QueueName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Opened { get; set; }
    [BindProperty(SupportsGet = true, Name = "at")] public string? OpenedAt { get; set; }

    public FindCases.Queue Queue { get; private set; }
    public List<FindCases.Summary> Cases { get; private set; } = [];
    public List<FindCases.Summary>? Searched { get; private set; }
    public bool SearchTooShort { get; private set; }

    public async Task OnGet(CancellationToken ct)
    {
        var actor = await CaseActor.Of(User, db, ct);
        if (!string.IsNullOrWhiteSpace(Number) || !string.IsNullOrWhiteSpace(Name))
        {
            Searched = await find.Search(Number, Name, actor, ct);
            SearchTooShort = Searched is null;
            Searched ??= [];
            return;
        }
        Queue = Enum.TryParse<FindCases.Queue>(QueueName, ignoreCase: true, out var queue) ? queue : actor.IsSupervisor ? FindCases.Queue.Overdue : FindCases.Queue.Mine;
        Cases = await find.InQueue(Queue, actor, ct);
    }
}
